/**
 * Line search satisfying the strong Wolfe conditions (Nocedal & Wright,
 * Numerical Optimization, 2nd ed., Algorithms 3.5 and 3.6: bracketing, then
 * zoom with safeguarded cubic interpolation).
 *
 * Works on a Workspace shared with L-BFGS so that nothing is allocated per
 * call. Mirrors assembly/solve/linesearch.ts.
 */

import type { Workspace, Objective } from './workspace.js';

const C1 = 1e-4; // sufficient decrease (Armijo)
const C2 = 0.9; // curvature; 0.9 is the usual choice for quasi-Newton directions
const MAX_BRACKET = 40;
const MAX_ZOOM = 40;

/** Coordinate i of x + t·d, kept inside the box despite rounding at the largest step. */
function coordinate(ws: Workspace, t: number, i: number): number {
  const v = ws.x[i] + t * ws.d[i];
  return ws.bounded ? Math.min(Math.max(v, ws.lower[i]), ws.upper[i]) : v;
}

/**
 * Evaluates φ(t) = f(x + t·d) into ws.xt / ws.gt; returns f and sets ws.dgt = ∇f·d.
 * A step that rounds to the point just evaluated takes its f and gradient again.
 */
function trial(ws: Workspace, fn: Objective, t: number): number {
  const { xt, d, n } = ws;
  let same = ws.trialValid;
  for (let i = 0; i < n; i++) {
    const v = coordinate(ws, t, i);
    if (v !== xt[i]) same = false;
    xt[i] = v;
  }
  const f = same ? ws.fTrial : fn(xt, ws.gt);
  if (!same) {
    ws.evals++;
    ws.fTrial = f;
    ws.trialValid = true;
  }
  let dg = 0;
  for (let i = 0; i < n; i++) dg += ws.gt[i] * d[i];
  ws.dgt = dg;
  return f;
}

/** Minimiser of the cubic through (t0, f0, g0), (t1, f1, g1), or NaN when it has none. */
function cubicMin(t0: number, f0: number, g0: number, t1: number, f1: number, g1: number): number {
  const d1 = g0 + g1 - 3 * (f0 - f1) / (t0 - t1);
  const disc = d1 * d1 - g0 * g1;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(t1 - t0) * Math.sqrt(disc);
  return t1 - (t1 - t0) * (g1 + d2 - d1) / (g1 - g0 + 2 * d2);
}

/**
 * Searches along ws.d from ws.x (value f0, slope dg0 < 0). On success the
 * accepted point is left in ws.xt/ws.gt and its value returned in ws.ft;
 * returns the step, or 0 when no decrease could be found (rounding level).
 */
export function strongWolfe(ws: Workspace, fn: Objective, f0: number, dg0: number, t0: number, tMax: number): number {
  let tPrev = 0, fPrev = f0, gPrev = dg0;
  let t = Math.min(t0, tMax);
  // No decrease this small could be told from the objective's rounding: do not look for one.
  if (ws.noise > 0 && -dg0 * t <= ws.noise * Math.abs(f0)) return 0;
  for (let i = 0; i < MAX_BRACKET; i++) {
    const f = trial(ws, fn, t);
    const g = ws.dgt;
    if (!Number.isFinite(f) || f > f0 + C1 * t * dg0 || (i > 0 && f >= fPrev)) {
      return zoom(ws, fn, f0, dg0, tPrev, fPrev, gPrev, t, f, g);
    }
    if (Math.abs(g) <= -C2 * dg0) { ws.ft = f; return t; }
    if (g >= 0) return zoom(ws, fn, f0, dg0, t, f, g, tPrev, fPrev, gPrev);
    if (t >= tMax) { ws.ft = f; return t; } // at the box edge with sufficient decrease
    tPrev = t; fPrev = f; gPrev = g;
    t = Math.min(2 * t, tMax);
  }
  ws.ft = fPrev;
  return tPrev > 0 ? settle(ws, fn, tPrev) : 0;
}

/** Re-evaluates at t so that xt/gt hold that point (rare path). */
function settle(ws: Workspace, fn: Objective, t: number): number {
  ws.ft = trial(ws, fn, t);
  return t;
}

/** Whether steps s and t give, bit for bit, the same point. */
function samePoint(ws: Workspace, s: number, t: number): boolean {
  for (let i = 0; i < ws.n; i++) if (coordinate(ws, s, i) !== coordinate(ws, t, i)) return false;
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
  ws: Workspace, fn: Objective, f0: number, dg0: number,
  tLo: number, fLo: number, gLo: number, tHi: number, fHi: number, gHi: number,
): number {
  for (let j = 0; j < MAX_ZOOM; j++) {
    const lo = Math.min(tLo, tHi), hi = Math.max(tLo, tHi);
    const width = hi - lo;
    if (width <= 1e-16 * hi) break;
    let t = Number.isFinite(fHi) ? cubicMin(tLo, fLo, gLo, tHi, fHi, gHi) : NaN;
    // Safeguard: stay well inside the bracket, else bisect.
    if (!(t >= lo + 0.1 * width && t <= hi - 0.1 * width)) t = 0.5 * (lo + hi);
    if (samePoint(ws, t, tLo)) break;
    const f = trial(ws, fn, t);
    const g = ws.dgt;
    if (!Number.isFinite(f) || f > f0 + C1 * t * dg0 || f >= fLo) {
      tHi = t; fHi = f; gHi = g;
    } else {
      if (Math.abs(g) <= -C2 * dg0) { ws.ft = f; return t; }
      if (g * (tHi - tLo) >= 0) { tHi = tLo; fHi = fLo; gHi = gLo; }
      tLo = t; fLo = f; gLo = g;
    }
  }
  // No strong-Wolfe point within rounding: accept the best decreasing step if any.
  if (tLo > 0 && fLo < f0) return settle(ws, fn, tLo);
  return 0;
}
