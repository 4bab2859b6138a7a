/**
 * Limited-memory BFGS (Nocedal & Wright, 2nd ed., Algorithm 7.4/7.5) with a
 * strong-Wolfe line search and optional box bounds (active set: a variable
 * at a bound whose gradient points outward is held fixed, steps are cut at
 * the first bound they reach, and the history restarts when the active set
 * changes).
 *
 * Stopping rules are relative to the objective's own size, so an objective of
 * 1e-3 (the summed Huber loss at the Chinchilla optimum) is driven as far as
 * one of 1e3 would be; scipy's `factr` test, relative to max(|f|, 1), stops
 * such an objective early (docs/fitting.md, "Scale of the objective").
 *
 * Mirrors assembly/solve/lbfgs.ts.
 */

import { strongWolfe } from './linesearch.js';
import type { Objective, Workspace } from './workspace.js';

export const STATUS_GRADIENT = 0; // ‖projected ∇f‖∞ ≤ gtol·|f|
export const STATUS_FUNCTION = 1; // relative decrease ≤ ftol on 3 consecutive iterations
export const STATUS_ROUNDING = 2; // no decrease possible along a descent direction: converged to rounding
export const STATUS_MAX_ITER = 3;
export const STATUS_MAX_EVALS = 4;
export const STATUS_NOT_FINITE = 5; // f or ∇f NaN/±∞ at the start or at an accepted iterate

export interface SolverOptions {
  maxIter: number;
  maxEvals: number;
  gtol: number;
  ftol: number;
}

export interface SolverOutcome {
  f: number;
  iterations: number;
  status: number;
}

const STALL_ITERATIONS = 3;

/** False when any of v[0..n) is NaN or ±∞. */
function allFinite(v: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/** Minimises fn from ws.x (left holding the result); ws.evals counts evaluations. */
export function lbfgs(ws: Workspace, fn: Objective, opt: SolverOptions, out: SolverOutcome): void {
  const { n, m, x, g, d, s, y, rho, alphaTmp, lower, upper } = ws;
  ws.evals = 0;
  ws.trialValid = false; // xt was evaluated for another objective (the previous refit's weights)
  let f = fn(x, g);
  ws.evals++;
  let stored = 0, newest = -1, stall = 0, iter = 0, status = STATUS_MAX_ITER;
  // A NaN or ±∞ gradient defeats the tests below (NaN compares false, ∞ makes a zero first step)
  // and would end as "converged": stop as not finite, here and at every accepted iterate.
  if (!Number.isFinite(f) || !allFinite(g, n)) { out.f = f; out.iterations = 0; out.status = STATUS_NOT_FINITE; return; }

  for (; iter < opt.maxIter; iter++) {
    // Projected gradient: components pushing against an active bound are zero.
    let pgMax = 0;
    for (let i = 0; i < n; i++) {
      let gi = g[i];
      if (ws.bounded && ((x[i] <= lower[i] && gi > 0) || (x[i] >= upper[i] && gi < 0))) gi = 0;
      d[i] = gi;
      pgMax = Math.max(pgMax, Math.abs(gi));
    }
    if (pgMax <= opt.gtol * Math.abs(f)) { status = STATUS_GRADIENT; break; }
    if (ws.evals >= opt.maxEvals) { status = STATUS_MAX_EVALS; break; }

    // Two-loop recursion: d = −H·(projected g).
    for (let k = 0, j = newest; k < stored; k++, j = (j - 1 + m) % m) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += s[j * n + i] * d[i];
      const al = rho[j] * dot;
      alphaTmp[j] = al;
      for (let i = 0; i < n; i++) d[i] -= al * y[j * n + i];
    }
    if (stored > 0) {
      let sy = 0, yy = 0;
      for (let i = 0; i < n; i++) { sy += s[newest * n + i] * y[newest * n + i]; yy += y[newest * n + i] * y[newest * n + i]; }
      const gamma = sy / yy;
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let k = 0, j = (newest - stored + 1 + m) % m; k < stored; k++, j = (j + 1) % m) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += y[j * n + i] * d[i];
      const be = rho[j] * dot;
      for (let i = 0; i < n; i++) d[i] += s[j * n + i] * (alphaTmp[j] - be);
    }
    let dg0 = 0, dMax = 0;
    for (let i = 0; i < n; i++) {
      let di = -d[i];
      if (ws.bounded && ((x[i] <= lower[i] && di < 0) || (x[i] >= upper[i] && di > 0))) di = 0;
      d[i] = di;
      dg0 += di * g[i];
      dMax = Math.max(dMax, Math.abs(di));
    }
    if (!(dg0 < 0)) {
      // Not a descent direction (stale curvature pairs): restart from steepest descent.
      stored = 0;
      dg0 = 0; dMax = 0;
      for (let i = 0; i < n; i++) {
        let di = -g[i];
        if (ws.bounded && ((x[i] <= lower[i] && di < 0) || (x[i] >= upper[i] && di > 0))) di = 0;
        d[i] = di; dg0 += di * g[i]; dMax = Math.max(dMax, Math.abs(di));
      }
      if (!(dg0 < 0)) { status = STATUS_GRADIENT; break; }
    }
    if (dg0 === -Infinity) {
      // The slope overflowed (a gradient beyond ~1e154), which no line search survives: the same
      // direction scaled to unit max norm. The first steepest-descent step, t0·d, is unchanged.
      dg0 = 0;
      for (let i = 0; i < n; i++) { d[i] /= dMax; dg0 += d[i] * g[i]; }
      dMax = 1;
      if (!Number.isFinite(dg0)) { status = STATUS_NOT_FINITE; break; }
    }

    let tMax = Infinity;
    if (ws.bounded) {
      for (let i = 0; i < n; i++) {
        if (d[i] > 0) tMax = Math.min(tMax, (upper[i] - x[i]) / d[i]);
        else if (d[i] < 0) tMax = Math.min(tMax, (lower[i] - x[i]) / d[i]);
      }
    }
    const t0 = stored === 0 ? Math.min(1, 1 / dMax) : 1;
    const t = strongWolfe(ws, fn, f, dg0, t0, tMax);
    if (t === 0) {
      if (stored > 0) { stored = 0; continue; } // retry once along steepest descent
      status = STATUS_ROUNDING;
      break;
    }

    // Accept the step and record the curvature pair.
    const next = (newest + 1) % m;
    let sy = 0, activeChanged = false;
    for (let i = 0; i < n; i++) {
      const si = ws.xt[i] - x[i], yi = ws.gt[i] - g[i];
      s[next * n + i] = si;
      y[next * n + i] = yi;
      sy += si * yi;
      if (ws.bounded && (ws.xt[i] <= lower[i] || ws.xt[i] >= upper[i]) !== (x[i] <= lower[i] || x[i] >= upper[i])) activeChanged = true;
      x[i] = ws.xt[i];
      g[i] = ws.gt[i];
    }
    if (activeChanged) stored = 0;
    else if (sy > 0) {
      rho[next] = 1 / sy;
      newest = next;
      if (stored < m) stored++;
    }
    const fNew = ws.ft;
    const decrease = f - fNew;
    f = fNew;
    if (!Number.isFinite(f) || !allFinite(g, n)) { status = STATUS_NOT_FINITE; iter++; break; }
    stall = decrease <= opt.ftol * Math.abs(f) ? stall + 1 : 0;
    if (stall >= STALL_ITERATIONS) { status = STATUS_FUNCTION; iter++; break; }
  }
  out.f = f;
  out.iterations = iter;
  out.status = status;
}
