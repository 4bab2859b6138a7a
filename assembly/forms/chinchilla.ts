/**
 * The Chinchilla law in log-sum-exp form and its summed Huber (or squared)
 * objective with analytic gradient, each run weighted, (Hoffmann et al. 2022, eq. 3;
 * docs/fitting.md). θ = (a, b, e, α, β) at `theta`, gradient written to `grad`.
 *
 * Two lanes of runs at a time (f64x2) in the SIMD builds, with the vector
 * exp/log of ../simd/vmath; the scalar build is the same arithmetic as the
 * TypeScript twin (src/engine/js/chinchilla.ts). Keep the three in step.
 */

import { lnN, lnD, lnL, weight, count, unitWeights } from "../points";
import { vexp, vlog } from "../simd/vmath";
import { exp, log } from "../math/scalar";

export const LOSS_HUBER: i32 = 0;
export const LOSS_SQUARED: i32 = 1;

export function chinchillaObjective(theta: usize, grad: usize, loss: i32, delta: f64): f64 {
  // Two copies of the kernel: the common unweighted one skips a load and two multiplies per pair.
  return unitWeights ? kernel(theta, grad, loss, delta, false) : kernel(theta, grad, loss, delta, true);
}

@inline
function kernel(theta: usize, grad: usize, loss: i32, delta: f64, weighted: bool): f64 {
  const a = load<f64>(theta), b = load<f64>(theta, 8), e = load<f64>(theta, 16);
  const alpha = load<f64>(theta, 24), beta = load<f64>(theta, 32);
  let f: f64 = 0, ga: f64 = 0, gb: f64 = 0, ge: f64 = 0, gal: f64 = 0, gbe: f64 = 0;
  let i: i32 = 0;
  if (ASC_FEATURE_SIMD) {
    const av = f64x2.splat(a), bv = f64x2.splat(b), ev = f64x2.splat(e);
    const alv = f64x2.splat(alpha), bev = f64x2.splat(beta);
    const deltav = f64x2.splat(delta), halfDeltav = f64x2.splat(0.5 * delta);
    const half = f64x2.splat(0.5), two = f64x2.splat(2.0), one = f64x2.splat(1.0), limit = f64x2.splat(700.0);
    const signMask = f64x2.splat(-0.0); // only the sign bit set
    const lane0 = i64x2(-1, 0); // keeps lane 0, clears lane 1
    let fv = f64x2.splat(0), gav = fv, gbv = fv, gev = fv, galv = fv, gbev = fv;
    for (; i < count; i += 2) {
      const off = <usize>i << 3;
      // An odd last run fills both lanes: every run goes through the same vector
      // code, and no scalar exp/log is linked into the SIMD builds.
      // Lane 1's weight is zero then, which zeroes its every term.
      let n: v128, d: v128, l: v128, wv = one;
      let tail = false;
      if (i + 1 < count) {
        n = v128.load(lnN + off); d = v128.load(lnD + off); l = v128.load(lnL + off);
        if (weighted) wv = v128.load(weight + off);
      } else {
        n = v128.load64_splat(lnN + off); d = v128.load64_splat(lnD + off); l = v128.load64_splat(lnL + off);
        wv = v128.and(weighted ? v128.load64_splat(weight + off) : one, lane0);
        tail = true;
      }
      let x1: v128, x2: v128;
      if (ASC_FEATURE_RELAXED_SIMD) {
        x1 = f64x2.relaxed_nmadd(alv, n, av);
        x2 = f64x2.relaxed_nmadd(bev, d, bv);
      } else {
        x1 = f64x2.sub(av, f64x2.mul(alv, n));
        x2 = f64x2.sub(bv, f64x2.mul(bev, d));
      }
      // Usually both terms are within e^700 of E's: then E's term is the
      // reference, exp(0) = 1 needs no call, and LSE = e + log(1 + e^(x₁−e) + e^(x₂−e)).
      // Otherwise subtract the lane's maximum (pmax: one V8 instruction, max about seven).
      let m = ev, e1: v128, e2: v128, e3 = one;
      const y1 = f64x2.sub(x1, ev), y2 = f64x2.sub(x2, ev);
      if (v128.any_true(f64x2.gt(f64x2.pmax(y1, y2), limit))) {
        m = f64x2.pmax(f64x2.pmax(x1, x2), ev);
        e1 = vexp(f64x2.sub(x1, m));
        e2 = vexp(f64x2.sub(x2, m));
        e3 = vexp(f64x2.sub(ev, m));
      } else {
        e1 = vexp(y1);
        e2 = vexp(y2);
      }
      const s = f64x2.add(f64x2.add(e1, e2), e3);
      const r = f64x2.sub(f64x2.add(m, vlog(s)), l);
      let h: v128, term: v128;
      if (loss == LOSS_SQUARED) {
        term = f64x2.mul(r, r);
        h = f64x2.mul(two, r);
      } else {
        const absr = f64x2.abs(r);
        const inside = f64x2.le(absr, deltav);
        const quad = f64x2.mul(half, f64x2.mul(r, r));
        const lin = f64x2.mul(deltav, f64x2.sub(absr, halfDeltav));
        term = v128.bitselect(quad, lin, inside);
        h = v128.bitselect(r, v128.or(v128.and(r, signMask), deltav), inside);
      }
      if (weighted || tail) {
        term = f64x2.mul(wv, term);
        h = f64x2.mul(wv, h);
      }
      fv = f64x2.add(fv, term);
      const hs = f64x2.div(h, s);
      const w1 = f64x2.mul(hs, e1), w2 = f64x2.mul(hs, e2);
      gav = f64x2.add(gav, w1);
      gbv = f64x2.add(gbv, w2);
      gev = f64x2.add(gev, f64x2.mul(hs, e3));
      galv = f64x2.sub(galv, f64x2.mul(w1, n));
      gbev = f64x2.sub(gbev, f64x2.mul(w2, d));
    }
    f = f64x2.extract_lane(fv, 0) + f64x2.extract_lane(fv, 1);
    ga = f64x2.extract_lane(gav, 0) + f64x2.extract_lane(gav, 1);
    gb = f64x2.extract_lane(gbv, 0) + f64x2.extract_lane(gbv, 1);
    ge = f64x2.extract_lane(gev, 0) + f64x2.extract_lane(gev, 1);
    gal = f64x2.extract_lane(galv, 0) + f64x2.extract_lane(galv, 1);
    gbe = f64x2.extract_lane(gbev, 0) + f64x2.extract_lane(gbev, 1);
  }
  // The scalar build: the same arithmetic as the TypeScript twin.
  if (!ASC_FEATURE_SIMD) for (; i < count; i++) {
    const off = <usize>i << 3;
    const n = load<f64>(lnN + off), d = load<f64>(lnD + off);
    const x1 = a - alpha * n;
    const x2 = b - beta * d;
    // As above: E's term is the reference unless another exceeds it by e^700.
    let m = e, e1: f64, e2: f64, e3: f64 = 1.0;
    if (max(x1, x2) - e > 700.0) {
      m = max(max(x1, x2), e);
      e1 = exp(x1 - m);
      e2 = exp(x2 - m);
      e3 = exp(e - m);
    } else {
      e1 = exp(x1 - e);
      e2 = exp(x2 - e);
    }
    const s = e1 + e2 + e3;
    const r = m + log(s) - load<f64>(lnL + off);
    const wi = load<f64>(weight + off);
    let h: f64;
    if (loss == LOSS_SQUARED) {
      f += wi * (r * r);
      h = wi * (2.0 * r);
    } else if (abs(r) <= delta) {
      f += wi * (0.5 * r * r);
      h = wi * r;
    } else {
      f += wi * (delta * (abs(r) - 0.5 * delta));
      h = r > 0 ? wi * delta : -wi * delta;
    }
    const hs = h / s;
    const w1 = hs * e1, w2 = hs * e2;
    ga += w1;
    gal -= w1 * n;
    gb += w2;
    gbe -= w2 * d;
    ge += hs * e3;
  }
  store<f64>(grad, ga);
  store<f64>(grad, gb, 8);
  store<f64>(grad, ge, 16);
  store<f64>(grad, gal, 24);
  store<f64>(grad, gbe, 32);
  return f;
}
