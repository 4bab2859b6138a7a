// Scalar transcendental functions for code that works one value at a time
// (the generic per-run objective, forms/point.ts and forms/lse.ts), without
// AssemblyScript's NativeMath and its lookup tables, which would triple the
// size of every build. Use these instead of Math.exp, Math.log, Math.pow,
// Math.expm1 and Math.log1p anywhere in assembly/.
//
// exp, expm1 and log run the vector code of ../simd/vmath.ts on a splatted
// f64x2 and take lane 0 in the SIMD builds (no second copy of the
// polynomials), and its scalar port ./port.ts in the scalar build (same
// constants, same rounding). The rest are built on those three.
//
// Accuracy against a double-double reference (test/node/engine/vmath.test.ts):
// exp, log, expm1, log1p, softplus and sigmoid within 2 ulp; pow as stated
// at `pow`.

import { vexp, vexpm1Core, vlog } from "../simd/vmath";
import * as port from "./port";

/** e^x (about 1 ulp; exp(±0) = 1 exactly). */
export function exp(x: f64): f64 {
  if (ASC_FEATURE_SIMD) {
    return f64x2.extract_lane(vexp(f64x2.splat(x)), 0);
  } else {
    return port.exp(x);
  }
}

/** Natural log (under 1 ulp; log(1) = +0, log(0) = −Inf, negative → NaN). */
export function log(x: f64): f64 {
  if (ASC_FEATURE_SIMD) {
    return f64x2.extract_lane(vlog(f64x2.splat(x)), 0);
  } else {
    return port.log(x);
  }
}

/**
 * e^x − 1, accurate where it is near 0 (about 1 ulp). Outside 2^−54 ≤ |x| ≤ 36
 * it is x (tiny x, ±0, NaN) or e^x − 1 with one rounding after exp, which
 * cannot cancel there (e^x > 2^51 or < 2^−51).
 */
export function expm1(x: f64): f64 {
  const ax = abs(x);
  if (ax <= 36.0 && ax >= 5.551115123125783e-17) { // 2^−54
    if (ASC_FEATURE_SIMD) {
      return f64x2.extract_lane(vexpm1Core(f64x2.splat(x)), 0);
    } else {
      return port.expm1Core(x);
    }
  }
  return ax > 36.0 ? exp(x) - 1.0 : x;
}

/**
 * ln(1 + u), accurate for small u. w = 1 + u is rounded; its rounding error
 * c = (1 + u) − w is recovered exactly (Dekker's Fast2Sum: subtract the
 * larger of 1 and u first) and ln(1 + u) = ln w + ln(1 + c/w) ≈ ln w + c/w,
 * with |c/w| ≤ 2^−53 so the dropped term is below 2^−106. The correction is
 * the one fdlibm's s_log1p.c applies; the error is log's plus one rounding.
 */
export function log1p(u: f64): f64 {
  const w = 1.0 + u;
  if (w == 1.0) return u; // |u| ≤ 2^−53: ln(1 + u) rounds to u (±0 kept)
  if (!(w > 0.0 && w < Infinity)) return log(w); // −1 → −Inf, below → NaN, +Inf, NaN
  const c = u > 1.0 ? 1.0 - (w - u) : u - (w - 1.0);
  return log(w) + c / w;
}

/**
 * x^y for x ≥ 0 as e^(y·ln x); negative x gives NaN, x^0 = 1.
 *
 * Error: ln x is within 0.83 ulp and the product adds half an ulp, so the
 * computed exponent is t·(1 + η) with t = y·ln x and |η| ≤ 1.33·2^−52; then
 * e^(t(1+η)) = e^t·(1 + t·η + …) and exp adds its 1.07 ulp. Relative error
 * ≤ (1.07 + 2.7·|t|) ulp, to first order. That is x^y for a y perturbed by
 * about one ulp: the same as rounding y itself, which the callers' y (a
 * quotient such as β/α) already is. For |t| ≤ 0.4 it is within 2.2 ulp.
 */
export function pow(x: f64, y: f64): f64 {
  if (y == 0.0) return 1.0;
  return exp(y * log(x));
}

/** ln(1 + e^z) without overflow or loss of small values. */
export function softplus(z: f64): f64 {
  return z > 0.0 ? z + log1p(exp(-z)) : log1p(exp(z));
}

/**
 * 1 / (1 + e^−z) as n / (1 + e) with e = e^−|z| ≤ 1 and n = 1 (z ≥ 0) or e.
 * The rounding error c of w = 1 + e is recovered exactly (Fast2Sum, e ≤ 1)
 * and divided out to first order: n / (w + c) ≈ q·(1 − c/w), q = n/w.
 */
export function sigmoid(z: f64): f64 {
  const e = exp(-abs(z));
  const w = 1.0 + e;
  const c = e - (w - 1.0);
  const q = (z >= 0.0 ? 1.0 : e) / w;
  return q - q * (c / w);
}
