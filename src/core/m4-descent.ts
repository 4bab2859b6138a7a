/**
 * The outer half of the M4 fit: Newton steps on (ε∞, ε0) within their box,
 * each point solving the inner least squares exactly (src/core/m4-objective.ts),
 * until a full Newton step changes β by less than 1e-10 of itself, the rule of
 * Alabdulmohsin et al. (their code stops when β changes by less than 1e-10).
 *
 * The paper alternates a least-squares solve with many small gradient steps,
 * then Newton steps, on (ε∞, ε0) with (ln β, c, α) held. Here the curvature is
 * that of the objective with (ln β, c, α) re-solved at every point (central
 * differences of the exact gradient), so the steps converge in tens of
 * iterations rather than thousands. The steps are taken in the logs of the
 * distances of ε∞ below the lowest loss and of ε0 above the highest, and they
 * stay in the basin of their start: no distance changes more than e-fold in
 * one step, and every step must lower the objective (Armijo).
 */

import { gradient, profile, type M4Data, type Profile } from './m4-objective.js';

/** The box of (ε∞, ε0); ε0's bounds are equal when it is given. */
export interface M4Box {
  readonly u: readonly [number, number];
  readonly v: readonly [number, number];
}

export type M4Status = 'beta-tolerance' | 'gradient-tolerance' | 'rounding' | 'no-decrease' | 'iteration-limit';

export interface Descent {
  u: number;
  v: number;
  inner: Profile;
  iterations: number;
  status: M4Status;
  converged: boolean;
}

/** Relative change of β that ends the descent (the paper's 1e-10, taken relative: β runs to 1e4 and beyond). */
export const BETA_TOLERANCE = 1e-10;
/** Halvings of a step before the line search gives up. */
const HALVINGS = 60;
/** Step of the central differences, in the log of the distance to the nearest loss. */
const H = 1e-5;
/** Longest step, in the log of that distance: the distance changes at most e-fold per step. */
const MAX_STEP = 1;

const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));

/**
 * The variables the steps are taken in: p = ln(lowest loss − ε∞) and
 * q = ln(ε0 − highest loss), the logs of the distances that set each one's
 * scale. A barrier at the lowest loss becomes a slope, and an ε0 the data push
 * to infinity moves by a fixed amount per step instead of crawling.
 */
interface Coordinates {
  p: readonly [number, number];
  q: readonly [number, number];
  u(p: number): number;
  v(q: number): number;
}

function coordinates(d: M4Data, box: M4Box): Coordinates {
  const p: [number, number] = [Math.log(d.min - box.u[1]), Math.log(d.min - box.u[0])];
  const q: [number, number] = [Math.log(box.v[0] - d.max), Math.log(box.v[1] - d.max)];
  return {
    p, q,
    // The ends map to the box's own bounds exactly (exp(ln a) need not round back to a).
    u: (x) => (x <= p[0] ? box.u[1] : x >= p[1] ? box.u[0] : clamp(d.min - Math.exp(x), box.u)),
    v: (x) => (x <= q[0] ? box.v[0] : x >= q[1] ? box.v[1] : clamp(d.max + Math.exp(x), box.v)),
  };
}

/** The gradient in (p, q) at (u, v) from the inner optimum there. */
function gradientPQ(d: M4Data, u: number, v: number, inner: Profile): [number, number] {
  const [gu, gv] = gradient(d, u, v, inner);
  return [-gu * (d.min - u), gv * (v - d.max)];
}

/** Central-difference Hessian of the profiled objective in (p, q), symmetrised. */
function hessian(d: M4Data, p: number, q: number, fixV: boolean): [number, number, number] {
  const g = (a: number, b: number) => {
    const u = d.min - Math.exp(a), v = d.max + Math.exp(b);
    return gradientPQ(d, u, v, profile(d, u, v));
  };
  const [gpP, gqP] = g(p + H, q), [gpM, gqM] = g(p - H, q);
  const hpp = (gpP - gpM) / (2 * H);
  if (fixV) return [hpp, 0, 0];
  const [gpQ, gqQ] = g(p, q + H), [gpN, gqN] = g(p, q - H);
  const hqq = (gqQ - gqN) / (2 * H);
  const hpq = 0.5 * ((gqP - gqM) / (2 * H) + (gpQ - gpN) / (2 * H));
  return [hpp, hpq, hqq];
}

/**
 * Descends from (u, v) to a minimum of the objective within `box`, with at most
 * `maxIterations` Newton steps. `converged` is true when it stopped at a minimum
 * (of the box: a variable may rest on a bound it is pushed against).
 */
export function descend(d: M4Data, box: M4Box, start: { u: number; v: number }, maxIterations: number): Descent {
  const fixV = box.v[0] === box.v[1];
  const c = coordinates(d, box);
  let u = clamp(start.u, box.u), v = clamp(start.v, box.v);
  let p = u >= box.u[1] ? c.p[0] : u <= box.u[0] ? c.p[1] : Math.log(d.min - u);
  let q = fixV ? 0 : v <= box.v[0] ? c.q[0] : v >= box.v[1] ? c.q[1] : Math.log(v - d.max);
  let inner = profile(d, u, v);
  const done = (status: M4Status, iterations: number): Descent =>
    ({ u, v, inner, iterations, status, converged: status !== 'no-decrease' && status !== 'iteration-limit' });
  for (let it = 0; it < maxIterations; it++) {
    const [gp, gq] = gradientPQ(d, u, v, inner);
    // Free variables: not resting on a bound they are pushed against, and ε0 only while it acts (α > 0).
    const freeP = !((p <= c.p[0] && gp > 0) || (p >= c.p[1] && gp < 0)) && gp !== 0;
    const freeQ = !fixV && inner.alpha > 0 && !((q <= c.q[0] && gq > 0) || (q >= c.q[1] && gq < 0)) && gq !== 0;
    if (!freeP && !freeQ) return done('gradient-tolerance', it);
    const [hpp, hpq, hqq] = hessian(d, p, q, fixV);
    let dp = 0, dq = 0, newton = false;
    if (freeP && freeQ && hpp > 0 && hpp * hqq - hpq * hpq > 0) {
      const det = hpp * hqq - hpq * hpq;
      dp = -(hqq * gp - hpq * gq) / det;
      dq = -(hpp * gq - hpq * gp) / det;
      newton = true;
    } else if (freeP && !freeQ && hpp > 0) {
      dp = -gp / hpp;
      newton = true;
    } else if (freeQ && !freeP && hqq > 0) {
      dq = -gq / hqq;
      newton = true;
    } else {
      // No positive curvature: down the gradient, the longest step allowed.
      dp = freeP ? -gp : 0;
      dq = freeQ ? -gq : 0;
      const size = Math.max(Math.abs(dp), Math.abs(dq));
      dp *= MAX_STEP / size;
      dq *= MAX_STEP / size;
    }
    // Stay in the basin: no distance changes more than e-fold in one step.
    const cap = Math.min(1, MAX_STEP / Math.max(Math.abs(dp), Math.abs(dq)));
    dp *= cap;
    dq *= cap;
    const slope = gp * dp + gq * dq;
    let t = 1, accepted: { p: number; q: number; u: number; v: number; inner: Profile } | undefined;
    for (let k = 0; k <= HALVINGS; k++, t /= 2) {
      const np = clamp(p + t * dp, c.p), nq = fixV ? q : clamp(q + t * dq, c.q);
      const nu = c.u(np), nv = fixV ? v : c.v(nq);
      if (nu === u && nv === v) break; // the step is below the spacing of floating-point numbers here
      const next = profile(d, nu, nv);
      if (next.objective <= inner.objective + 1e-4 * t * slope) {
        accepted = { p: np, q: nq, u: nu, v: nv, inner: next };
        break;
      }
    }
    if (!accepted) {
      // Nothing lower along the step: a minimum to rounding when Newton predicts no more than rounding can show.
      const predicted = newton ? -0.5 * slope : Infinity;
      return done(predicted <= 1e-12 * inner.objective + 1e-24 ? 'rounding' : 'no-decrease', it);
    }
    const change = Math.abs(accepted.inner.lnBeta - inner.lnBeta);
    ({ p, q, u, v, inner } = accepted);
    if (newton && t === 1 && cap === 1 && change < BETA_TOLERANCE) return done('beta-tolerance', it + 1);
  }
  return done('iteration-limit', maxIterations);
}
