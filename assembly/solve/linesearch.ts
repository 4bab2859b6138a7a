/**
 * Line search satisfying the strong Wolfe conditions (Nocedal & Wright,
 * Numerical Optimization, 2nd ed., Algorithms 3.5 and 3.6: bracketing, then
 * zoom with safeguarded cubic interpolation). Mirrors
 * src/engine/js/linesearch.ts step for step.
 */

import { Workspace, at, put } from "./workspace";
import { evaluateSolver } from "./affine";

const C1: f64 = 1e-4; // sufficient decrease (Armijo)
const C2: f64 = 0.9; // curvature; the usual choice for quasi-Newton directions
const MAX_BRACKET: i32 = 40;
const MAX_ZOOM: i32 = 40;

/** Coordinate i of x + t·d, kept inside the box despite rounding at the largest step. */
@inline function coordinate(ws: Workspace, t: f64, i: i32): f64 {
  const v = at(ws.x, i) + t * at(ws.d, i);
  return ws.bounded ? min(max(v, at(ws.lower, i)), at(ws.upper, i)) : v;
}

/**
 * φ(t) = f(x + t·d) into ws.xt / ws.gt; sets ws.dgt = ∇f·d. A step that rounds
 * to the point just evaluated takes its f and gradient again.
 */
function trial(ws: Workspace, t: f64): f64 {
  const n = ws.n;
  let same = ws.trialValid;
  for (let i: i32 = 0; i < n; i++) {
    const v = coordinate(ws, t, i);
    if (v != at(ws.xt, i)) same = false;
    put(ws.xt, i, v);
  }
  const f = same ? ws.fTrial : evaluateSolver(ws.xt, ws.gt);
  if (!same) {
    ws.evals++;
    ws.fTrial = f;
    ws.trialValid = true;
  }
  let dg: f64 = 0;
  for (let i: i32 = 0; i < n; i++) dg += at(ws.gt, i) * at(ws.d, i);
  ws.dgt = dg;
  return f;
}

/** Minimiser of the cubic through (t0, f0, g0), (t1, f1, g1), or NaN when it has none. */
function cubicMin(t0: f64, f0: f64, g0: f64, t1: f64, f1: f64, g1: f64): f64 {
  const d1 = g0 + g1 - 3.0 * (f0 - f1) / (t0 - t1);
  const disc = d1 * d1 - g0 * g1;
  if (!(disc >= 0)) return NaN;
  const d2 = (t1 - t0 < 0 ? -1.0 : t1 - t0 > 0 ? 1.0 : 0.0) * Math.sqrt(disc);
  return t1 - (t1 - t0) * (g1 + d2 - d1) / (g1 - g0 + 2.0 * d2);
}

/** Re-evaluates at t so that xt/gt hold that point (rare path). */
function settle(ws: Workspace, t: f64): f64 {
  ws.ft = trial(ws, t);
  return t;
}

/**
 * Searches along ws.d from ws.x (value f0, slope dg0 < 0). On success the
 * accepted point is in ws.xt/ws.gt, its value in ws.ft; returns the step,
 * or 0 when no decrease could be found (rounding level).
 */
export function strongWolfe(ws: Workspace, f0: f64, dg0: f64, t0: f64, tMax: f64): f64 {
  let tPrev: f64 = 0, fPrev = f0, gPrev = dg0;
  let t = min(t0, tMax);
  // No decrease this small could be told from the objective's rounding: do not look for one.
  if (ws.noise > 0 && -dg0 * t <= ws.noise * abs(f0)) return 0;
  for (let i: i32 = 0; i < MAX_BRACKET; i++) {
    const f = trial(ws, t);
    const g = ws.dgt;
    if (!isFinite(f) || f > f0 + C1 * t * dg0 || (i > 0 && f >= fPrev)) {
      return zoom(ws, f0, dg0, tPrev, fPrev, gPrev, t, f, g);
    }
    if (abs(g) <= -C2 * dg0) { ws.ft = f; return t; }
    if (g >= 0) return zoom(ws, f0, dg0, t, f, g, tPrev, fPrev, gPrev);
    if (t >= tMax) { ws.ft = f; return t; } // at the box edge with sufficient decrease
    tPrev = t; fPrev = f; gPrev = g;
    t = min(2.0 * t, tMax);
  }
  ws.ft = fPrev;
  return tPrev > 0 ? settle(ws, tPrev) : 0;
}

/** Whether steps s and t give, bit for bit, the same point. */
function samePoint(ws: Workspace, s: f64, t: f64): bool {
  for (let i: i32 = 0; i < ws.n; i++) if (coordinate(ws, s, i) != coordinate(ws, t, i)) return false;
  return true;
}

/**
 * Zoom between tLo (satisfies sufficient decrease, lowest f so far) and tHi.
 * A trial step that rounds to the very point at tLo ends it unevaluated: its
 * f would be fLo, and every step between the two rounds there too (x + t·d is
 * monotone in t, coordinate by coordinate), so no later trial could find a
 * lower f, and the outcome is the one the remaining trials would reach. At
 * the end of a fit driven to rounding that saves about 20 evaluations in each
 * line search that fails.
 */
function zoom(
  ws: Workspace, f0: f64, dg0: f64,
  tLo: f64, fLo: f64, gLo: f64, tHi: f64, fHi: f64, gHi: f64,
): f64 {
  for (let j: i32 = 0; j < MAX_ZOOM; j++) {
    const lo = min(tLo, tHi), hi = max(tLo, tHi);
    const width = hi - lo;
    if (width <= 1e-16 * hi) break;
    let t = isFinite(fHi) ? cubicMin(tLo, fLo, gLo, tHi, fHi, gHi) : NaN;
    // Safeguard: stay well inside the bracket, else bisect.
    if (!(t >= lo + 0.1 * width && t <= hi - 0.1 * width)) t = 0.5 * (lo + hi);
    if (samePoint(ws, t, tLo)) break;
    const f = trial(ws, t);
    const g = ws.dgt;
    if (!isFinite(f) || f > f0 + C1 * t * dg0 || f >= fLo) {
      tHi = t; fHi = f; gHi = g;
    } else {
      if (abs(g) <= -C2 * dg0) { ws.ft = f; return t; }
      if (g * (tHi - tLo) >= 0) { tHi = tLo; fHi = fLo; gHi = gLo; }
      tLo = t; fLo = f; gLo = g;
    }
  }
  // No strong-Wolfe point within rounding: accept the best decreasing step if any.
  if (tLo > 0 && fLo < f0) return settle(ws, tLo);
  return 0;
}
