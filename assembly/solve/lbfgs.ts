/**
 * Limited-memory BFGS (Nocedal & Wright, 2nd ed., Algorithms 7.4/7.5) with a
 * strong-Wolfe line search and optional box bounds (active set). Stopping
 * rules are relative to the objective's own size, so a summed Huber
 * objective of 1e-3 is driven as far as one of 1e3 (docs/fitting.md, "Scale of the objective").
 * Mirrors src/engine/js/lbfgs.ts step for step.
 */

import { Workspace, at, put } from "./workspace";
import { strongWolfe } from "./linesearch";
import { evaluateSolver } from "./affine";

export const STATUS_GRADIENT: i32 = 0; // ‖projected ∇f‖∞ ≤ gtol·|f|
export const STATUS_FUNCTION: i32 = 1; // relative decrease ≤ ftol on 3 consecutive iterations
export const STATUS_ROUNDING: i32 = 2; // no decrease possible along a descent direction
export const STATUS_MAX_ITER: i32 = 3;
export const STATUS_MAX_EVALS: i32 = 4;
export const STATUS_NOT_FINITE: i32 = 5; // f or ∇f NaN/±∞ at the start or at an accepted iterate

const STALL_ITERATIONS: i32 = 3;

@final
export class Outcome {
  f: f64 = 0;
  iterations: i32 = 0;
  status: i32 = 0;
}

/** True when variable i sits on a bound and the step direction v points out of the box. */
@inline function blocked(ws: Workspace, i: i32, v: f64): bool {
  if (!ws.bounded) return false;
  const xi = at(ws.x, i);
  return (xi <= at(ws.lower, i) && v < 0) || (xi >= at(ws.upper, i) && v > 0);
}

/** False when any of the n values at p is NaN or ±∞. */
function allFinite(p: usize, n: i32): bool {
  for (let i: i32 = 0; i < n; i++) if (!isFinite(at(p, i))) return false;
  return true;
}

@inline function onBound(ws: Workspace, p: usize, i: i32): bool {
  const v = at(p, i);
  return v <= at(ws.lower, i) || v >= at(ws.upper, i);
}

/** Minimises the configured objective from ws.x (left holding the result). */
export function lbfgs(ws: Workspace, maxIter: i32, maxEvals: i32, gtol: f64, ftol: f64, out: Outcome): void {
  const n = ws.n, m = ws.m;
  const x = ws.x, g = ws.g, d = ws.d, s = ws.s, y = ws.y, rho = ws.rho, alphaTmp = ws.alphaTmp;
  ws.evals = 0;
  ws.trialValid = false; // xt was evaluated for another objective (the previous refit's weights)
  let f = evaluateSolver(x, g);
  ws.evals++;
  let stored: i32 = 0, newest: i32 = -1, stall: i32 = 0, iter: i32 = 0, status = STATUS_MAX_ITER;
  // A NaN or ±∞ gradient defeats the tests below (NaN compares false, ∞ makes a zero first step)
  // and would end as "converged": stop as not finite, here and at every accepted iterate.
  if (!isFinite(f) || !allFinite(g, n)) { out.f = f; out.iterations = 0; out.status = STATUS_NOT_FINITE; return; }

  for (; iter < maxIter; iter++) {
    // Projected gradient: components pushing against an active bound are zero.
    let pgMax: f64 = 0;
    for (let i: i32 = 0; i < n; i++) {
      let gi = at(g, i);
      if (blocked(ws, i, -gi)) gi = 0;
      put(d, i, gi);
      pgMax = max(pgMax, abs(gi));
    }
    if (pgMax <= gtol * abs(f)) { status = STATUS_GRADIENT; break; }
    if (ws.evals >= maxEvals) { status = STATUS_MAX_EVALS; break; }

    // Two-loop recursion: d = −H·(projected g).
    for (let k: i32 = 0, j = newest; k < stored; k++, j = (j - 1 + m) % m) {
      let dot: f64 = 0;
      for (let i: i32 = 0; i < n; i++) dot += at(s, j * n + i) * at(d, i);
      const al = at(rho, j) * dot;
      put(alphaTmp, j, al);
      for (let i: i32 = 0; i < n; i++) put(d, i, at(d, i) - al * at(y, j * n + i));
    }
    if (stored > 0) {
      let sy: f64 = 0, yy: f64 = 0;
      for (let i: i32 = 0; i < n; i++) {
        const yi = at(y, newest * n + i);
        sy += at(s, newest * n + i) * yi;
        yy += yi * yi;
      }
      const gamma = sy / yy;
      for (let i: i32 = 0; i < n; i++) put(d, i, at(d, i) * gamma);
    }
    for (let k: i32 = 0, j = (newest - stored + 1 + m) % m; k < stored; k++, j = (j + 1) % m) {
      let dot: f64 = 0;
      for (let i: i32 = 0; i < n; i++) dot += at(y, j * n + i) * at(d, i);
      const be = at(rho, j) * dot;
      for (let i: i32 = 0; i < n; i++) put(d, i, at(d, i) + at(s, j * n + i) * (at(alphaTmp, j) - be));
    }
    let dg0: f64 = 0, dMax: f64 = 0;
    for (let i: i32 = 0; i < n; i++) {
      let di = -at(d, i);
      if (blocked(ws, i, di)) di = 0;
      put(d, i, di);
      dg0 += di * at(g, i);
      dMax = max(dMax, abs(di));
    }
    if (!(dg0 < 0)) {
      // Not a descent direction (stale curvature pairs): restart from steepest descent.
      stored = 0;
      dg0 = 0; dMax = 0;
      for (let i: i32 = 0; i < n; i++) {
        let di = -at(g, i);
        if (blocked(ws, i, di)) di = 0;
        put(d, i, di);
        dg0 += di * at(g, i);
        dMax = max(dMax, abs(di));
      }
      if (!(dg0 < 0)) { status = STATUS_GRADIENT; break; }
    }
    if (dg0 == -Infinity) {
      // The slope overflowed (a gradient beyond ~1e154), which no line search survives: the same
      // direction scaled to unit max norm. The first steepest-descent step, t0·d, is unchanged.
      dg0 = 0;
      for (let i: i32 = 0; i < n; i++) { put(d, i, at(d, i) / dMax); dg0 += at(d, i) * at(g, i); }
      dMax = 1;
      if (!isFinite(dg0)) { status = STATUS_NOT_FINITE; break; }
    }

    let tMax: f64 = Infinity;
    if (ws.bounded) {
      for (let i: i32 = 0; i < n; i++) {
        const di = at(d, i);
        if (di > 0) tMax = min(tMax, (at(ws.upper, i) - at(x, i)) / di);
        else if (di < 0) tMax = min(tMax, (at(ws.lower, i) - at(x, i)) / di);
      }
    }
    const t0: f64 = stored == 0 ? min(1.0, 1.0 / dMax) : 1.0;
    const t = strongWolfe(ws, f, dg0, t0, tMax);
    if (t == 0) {
      if (stored > 0) { stored = 0; continue; } // retry once along steepest descent
      status = STATUS_ROUNDING;
      break;
    }

    // Accept the step and record the curvature pair.
    const next = (newest + 1) % m;
    let sy: f64 = 0;
    let activeChanged = false;
    for (let i: i32 = 0; i < n; i++) {
      const si = at(ws.xt, i) - at(x, i), yi = at(ws.gt, i) - at(g, i);
      put(s, next * n + i, si);
      put(y, next * n + i, yi);
      sy += si * yi;
      if (ws.bounded && onBound(ws, ws.xt, i) != onBound(ws, x, i)) activeChanged = true;
      put(x, i, at(ws.xt, i));
      put(g, i, at(ws.gt, i));
    }
    if (activeChanged) stored = 0;
    else if (sy > 0) {
      put(rho, next, 1.0 / sy);
      newest = next;
      if (stored < m) stored++;
    }
    const fNew = ws.ft;
    const decrease = f - fNew;
    f = fNew;
    if (!isFinite(f) || !allFinite(g, n)) { status = STATUS_NOT_FINITE; iter++; break; }
    stall = decrease <= ftol * abs(f) ? stall + 1 : 0;
    if (stall >= STALL_ITERATIONS) { status = STATUS_FUNCTION; iter++; break; }
  }
  out.f = f;
  out.iterations = iter;
  out.status = status;
}
