// Scalar ports of the vector exp, expm1 and log of ../simd/vmath.ts, for the
// scalar build (no SIMD): the same Cody–Waite reduction, the same minimax
// polynomials read from the same constant tables (./tables.ts), the same
// operations in the same order, so the scalar build rounds exactly like the
// SIMD build (the relaxed-SIMD build may fuse multiply-adds and differ in the
// last bit). No lookup tables and nothing of AssemblyScript's NativeMath.
//
// Use the functions of ./scalar.ts, which pick these or the vector code per
// build; this file is only for the scalar build.

import {
  EXP_F64, E_INVLN2, E_SHIFT, E_LN2HI, E_LN2LO, E_FAST, E_HI, E_LO, E_ONE, E_Q,
  LOG_F64, L_LN2HI, L_LN2LO, L_UNBIAS, L_UNBIAS_SUB, L_ONE, L_HALF, L_MINNORM, L_INF, L_TWO54, L_NAN, L_T,
  BITS_I64, B_SHIFT, B_BIAS, B_OFFSET, B_MANT, B_SQRTHALF, B_TWO52,
  f64At, i64At,
} from "./tables";

// @ts-ignore: decorator
@inline function bits(x: f64): i64 {
  return reinterpret<i64>(x);
}

// @ts-ignore: decorator
@inline function real(b: i64): f64 {
  return reinterpret<f64>(b);
}

// ---------------------------------------------------------------- exp

/** Q(r) of exp(r) ≈ 1 + r + r²·Q(r), Estrin's scheme as in vmath's expQ (r2 = r²). */
// @ts-ignore: decorator
@inline function expQ(r: f64, r2: f64): f64 {
  const r4 = r2 * r2;
  const r8 = r4 * r4;
  const p01 = r * f64At(EXP_F64, E_Q + 1) + f64At(EXP_F64, E_Q);
  const p23 = r * f64At(EXP_F64, E_Q + 3) + f64At(EXP_F64, E_Q + 2);
  const p45 = r * f64At(EXP_F64, E_Q + 5) + f64At(EXP_F64, E_Q + 4);
  const p67 = r * f64At(EXP_F64, E_Q + 7) + f64At(EXP_F64, E_Q + 6);
  const p89 = r * f64At(EXP_F64, E_Q + 9) + f64At(EXP_F64, E_Q + 8);
  const p03 = r2 * p23 + p01;
  const p47 = r2 * p67 + p45;
  return r8 * p89 + (r4 * p47 + p03);
}

/** Cody–Waite: r = x − k·ln2 with k·LN2HI exact and x − k·LN2HI exact (Sterbenz). */
// @ts-ignore: decorator
@inline function expReduce(x: f64, k: f64): f64 {
  const rhi = x - k * f64At(EXP_F64, E_LN2HI);
  return rhi - k * f64At(EXP_F64, E_LN2LO);
}

/** e^r·2^k from kd = k + 1.5·2^52 (k in the low mantissa bits), |k| ≤ 1022. */
// @ts-ignore: decorator
@inline function expFinish(x: f64, kd: f64): f64 {
  const k = kd - f64At(EXP_F64, E_SHIFT);
  const r = expReduce(x, k);
  const r2 = r * r;
  const p = f64At(EXP_F64, E_ONE) + (r2 * expQ(r, r2) + r);
  return real(bits(p) + (bits(kd) << 52));
}

/** e^x; exp(±0) = 1 exactly, about 1 ulp on normal results (as vexp). */
export function exp(x: f64): f64 {
  // NaN fails the comparison too, and so takes the edge path.
  if (!(abs(x) < f64At(EXP_F64, E_FAST))) return expEdge(x);
  return expFinish(x, x * f64At(EXP_F64, E_INVLN2) + f64At(EXP_F64, E_SHIFT));
}

/** e^x for |x| ≥ 708 or NaN: clamp to [−746, 709.8], scale by 2^k in two exact halves. */
function expEdge(x: f64): f64 {
  if (x != x) return x;
  const xc = max(min(x, f64At(EXP_F64, E_HI)), f64At(EXP_F64, E_LO));
  const kd = xc * f64At(EXP_F64, E_INVLN2) + f64At(EXP_F64, E_SHIFT);
  const k = kd - f64At(EXP_F64, E_SHIFT);
  const r = expReduce(xc, k);
  const r2 = r * r;
  const p = f64At(EXP_F64, E_ONE) + (r2 * expQ(r, r2) + r);
  const ki = bits(kd) - i64At(BITS_I64, B_SHIFT);
  const k1 = ki >> 1;
  const k2 = ki - k1;
  const bias = i64At(BITS_I64, B_BIAS);
  return p * real((k1 + bias) << 52) * real((k2 + bias) << 52);
}

// ---------------------------------------------------------------- expm1

/**
 * e^x − 1 for 2^−54 ≤ |x| ≤ 36 (../math/scalar.ts handles the rest):
 * 2^k·((1 − 2^−k) + r + r²·Q(r)), as vmath's vexpm1Core (after fdlibm s_expm1.c).
 */
export function expm1Core(x: f64): f64 {
  const kd = x * f64At(EXP_F64, E_INVLN2) + f64At(EXP_F64, E_SHIFT);
  const k = kd - f64At(EXP_F64, E_SHIFT);
  const r = expReduce(x, k);
  const r2 = r * r;
  const one = f64At(EXP_F64, E_ONE);
  const kbits = bits(kd) << 52; // k in the exponent field
  const c = one - real(bits(one) - kbits); // 1 − 2^−k
  const y = r2 * expQ(r, r2) + (c + r);
  return y * real(bits(one) + kbits); // × 2^k
}

// ---------------------------------------------------------------- log

/** log(x) for positive normal x by the fdlibm e_log.c decomposition, as vmath's logCore. */
// @ts-ignore: decorator
@inline function logCore(x: f64, unbias: f64): f64 {
  // u's exponent field holds k + 1023 and its mantissa field m's, relative to √½.
  const u = bits(x) + i64At(BITS_I64, B_OFFSET);
  const kd = real((u >>> 52) | i64At(BITS_I64, B_TWO52)) - unbias;
  const m = real((u & i64At(BITS_I64, B_MANT)) + i64At(BITS_I64, B_SQRTHALF));
  const one = f64At(LOG_F64, L_ONE);
  const f = m - one; // exact (Sterbenz)
  const s = f / (m + one); // m + 1 = 2 + f
  const z = s * s;
  const w = z * z;
  const w2 = w * w;
  const p01 = z * f64At(LOG_F64, L_T + 1) + f64At(LOG_F64, L_T);
  const p23 = z * f64At(LOG_F64, L_T + 3) + f64At(LOG_F64, L_T + 2);
  const p45 = z * f64At(LOG_F64, L_T + 5) + f64At(LOG_F64, L_T + 4);
  const t = w2 * (w * f64At(LOG_F64, L_T + 6) + p45) + (w * p23 + p01);
  const hfsq = f64At(LOG_F64, L_HALF) * f * f;
  const tail = s * (z * t + hfsq) + kd * f64At(LOG_F64, L_LN2LO);
  return kd * f64At(LOG_F64, L_LN2HI) + (f - (hfsq - tail));
}

/** Natural log; log(1) = +0 exactly, < 1 ulp on positive normals (as vlog). */
export function log(x: f64): f64 {
  // Positive normal and finite; NaN fails both comparisons.
  if (x >= f64At(LOG_F64, L_MINNORM) && x < f64At(LOG_F64, L_INF)) return logCore(x, f64At(LOG_F64, L_UNBIAS));
  return logEdge(x);
}

/** log of subnormals (scaled by 2^54 first), ±0 → −Inf, negative → NaN, +Inf and NaN → themselves. */
function logEdge(x: f64): f64 {
  if (x != x || x == f64At(LOG_F64, L_INF)) return x;
  if (x == 0) return -f64At(LOG_F64, L_INF);
  if (x < 0) return f64At(LOG_F64, L_NAN);
  return logCore(x * f64At(LOG_F64, L_TWO54), f64At(LOG_F64, L_UNBIAS_SUB));
}
