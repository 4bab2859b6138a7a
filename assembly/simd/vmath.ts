// Vectorised exp, expm1 and log for two f64 lanes (f64x2). Use `vexp` / `vlog`
// inside SIMD kernels (guarded by `if (ASC_FEATURE_SIMD)`); scalar code goes
// through ../math/scalar.ts, which runs these on a splatted vector in the SIMD
// builds and their scalar port (../math/port.ts) in the scalar build. The
// constants live in ../math/tables.ts, shared with that port.
//
// Accuracy against a double-double reference (test/node/engine/vmath.test.ts, and a
// 2M-point sweep): exp ≤ 1.07 ulp, log ≤ 0.83 ulp, with or without FMA.
//
// Tuned for V8 (see shared/docs/toolchain.md): constants are loaded with
// `v128.load64_splat` from static `memory.data` tables (one movddup each)
// instead of `f64x2.splat(constant)`; clamping uses `pmin/pmax`; polynomials
// use Estrin's scheme, with `f64x2.relaxed_madd` (fused multiply-add where the
// hardware has it) when relaxed SIMD is enabled. Rare lanes (overflow,
// underflow, NaN, zero, negative, subnormal) leave the inlined fast path for a
// small out-of-line function, so the hot code stays short.

import {
  EXP_F64, E_INVLN2, E_SHIFT, E_LN2HI, E_LN2LO, E_FAST, E_HI, E_LO, E_ONE, E_Q,
  LOG_F64, L_LN2HI, L_LN2LO, L_UNBIAS, L_UNBIAS_SUB, L_ONE, L_HALF, L_MINNORM, L_INF, L_NEGINF, L_TWO54, L_NAN, L_ZERO, L_T,
  BITS_I64, B_SHIFT, B_BIAS, B_OFFSET, B_MANT, B_SQRTHALF, B_TWO52,
} from "../math/tables";

/** Both lanes set to entry `index` of a constant table (one load, no rebuild). */
// @ts-ignore: decorator
@inline function splat(table: usize, index: i32): v128 {
  return v128.load64_splat(table + (<usize>index << 3));
}

/**
 * a·b + c; fused (one rounding) in the relaxed-SIMD build where the CPU has FMA.
 * Relaxed SIMD leaves fused-or-not to the engine, so every use here is accurate
 * either way: polynomial steps, and products that are exact anyway.
 */
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

/** c − a·b, fused like `madd`. */
// @ts-ignore: decorator
@inline function nmadd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_nmadd(a, b, c);
  return f64x2.sub(c, f64x2.mul(a, b));
}

// ---------------------------------------------------------------- exp

/** Q(r) of exp(r) ≈ 1 + r + r²·Q(r), |r| ≤ ln2/2, by Estrin's scheme (r2 = r²). */
// @ts-ignore: decorator
@inline function expQ(r: v128, r2: v128): v128 {
  const r4 = f64x2.mul(r2, r2);
  const r8 = f64x2.mul(r4, r4);
  const p01 = madd(r, splat(EXP_F64, E_Q + 1), splat(EXP_F64, E_Q));
  const p23 = madd(r, splat(EXP_F64, E_Q + 3), splat(EXP_F64, E_Q + 2));
  const p45 = madd(r, splat(EXP_F64, E_Q + 5), splat(EXP_F64, E_Q + 4));
  const p67 = madd(r, splat(EXP_F64, E_Q + 7), splat(EXP_F64, E_Q + 6));
  const p89 = madd(r, splat(EXP_F64, E_Q + 9), splat(EXP_F64, E_Q + 8));
  const p03 = madd(r2, p23, p01);
  const p47 = madd(r2, p67, p45);
  return madd(r8, p89, madd(r4, p47, p03));
}

/** exp(r) for |r| ≤ ln2/2: 1 + (r + r²·Q(r)). r = 0 gives exactly 1. */
// @ts-ignore: decorator
@inline function expPoly(r: v128): v128 {
  const r2 = f64x2.mul(r, r);
  return f64x2.add(splat(EXP_F64, E_ONE), madd(r2, expQ(r, r2), r));
}

/**
 * Cody–Waite reduction x = k·ln2 + r, |r| ≤ ln2/2 (plus rounding), returning r.
 * k·LN2HI is exact (42-bit constant, |k| < 2^11) and x − k·LN2HI is exact by
 * Sterbenz's lemma, so r carries one rounding only.
 */
// @ts-ignore: decorator
@inline function expReduce(x: v128, k: v128): v128 {
  const rhi = nmadd(k, splat(EXP_F64, E_LN2HI), x);
  return nmadd(k, splat(EXP_F64, E_LN2LO), rhi);
}

/** e^x for both lanes. exp(±0) = 1 exactly; about 1 ulp on normal results. */
// @ts-ignore: decorator
@inline export function vexp(x: v128): v128 {
  // NaN fails the comparison too, and so takes the edge path.
  const inRange = f64x2.lt(f64x2.abs(x), splat(EXP_F64, E_FAST));
  if (i64x2.bitmask(inRange) != 3) return vexpEdge(x);
  // k = round(x/ln2) by the 1.5·2^52 shift: kd's low mantissa bits hold k
  // (fused or not, k and r below are derived from the same kd).
  const kd = madd(x, splat(EXP_F64, E_INVLN2), splat(EXP_F64, E_SHIFT));
  const k = f64x2.sub(kd, splat(EXP_F64, E_SHIFT));
  const p = expPoly(expReduce(x, k));
  // Scale by 2^k: add k to the exponent field (result stays normal: |k| ≤ 1022).
  return i64x2.add(p, i64x2.shl(kd, 52));
}

/**
 * Out-of-line e^x for lanes with |x| ≥ 708 or NaN: clamp to [−746, 709.8]
 * (NaN survives pmin/pmax with x first), then scale by 2^k in two exact halves
 * so that 2^1024 (overflow to +Inf) and subnormal results (one rounding, in
 * the last multiply) come out right.
 */
function vexpEdge(x: v128): v128 {
  const xc = f64x2.pmax(f64x2.pmin(x, splat(EXP_F64, E_HI)), splat(EXP_F64, E_LO));
  const kd = madd(xc, splat(EXP_F64, E_INVLN2), splat(EXP_F64, E_SHIFT));
  const k = f64x2.sub(kd, splat(EXP_F64, E_SHIFT));
  const p = expPoly(expReduce(xc, k));
  const ki = i64x2.sub(kd, splat(BITS_I64, B_SHIFT));
  const k1 = i64x2.shr_s(ki, 1);
  const k2 = i64x2.sub(ki, k1);
  const bias = splat(BITS_I64, B_BIAS);
  const s1 = i64x2.shl(i64x2.add(k1, bias), 52);
  const s2 = i64x2.shl(i64x2.add(k2, bias), 52);
  return f64x2.mul(f64x2.mul(p, s1), s2);
}

// ---------------------------------------------------------------- expm1

/**
 * e^x − 1 for 2^−54 ≤ |x| ≤ 36 in both lanes (../math/scalar.ts handles the
 * rest), with the reduction of `vexp`: x = k·ln2 + r and
 * e^x − 1 = 2^k·((1 − 2^−k) + r + r²·Q(r)). The reconstruction is fdlibm's
 * (s_expm1.c) in one formula: 1 − 2^−k is exact for |k| ≤ 52; adding r to it
 * first keeps that sum exact or nearly so where the result cancels (k = 1,
 * r < 0); for k = 0 it is r + r²·Q(r) with r = x exactly. The last product,
 * by 2^k, is exact. About 1 ulp (test/node/engine/vmath.test.ts).
 */
// @ts-ignore: decorator
@inline export function vexpm1Core(x: v128): v128 {
  const kd = madd(x, splat(EXP_F64, E_INVLN2), splat(EXP_F64, E_SHIFT));
  const k = f64x2.sub(kd, splat(EXP_F64, E_SHIFT));
  const r = expReduce(x, k);
  const r2 = f64x2.mul(r, r);
  const one = splat(EXP_F64, E_ONE);
  const kbits = i64x2.shl(kd, 52); // k in the exponent field
  const c = f64x2.sub(one, i64x2.sub(one, kbits)); // 1 − 2^−k
  const y = madd(r2, expQ(r, r2), f64x2.add(c, r));
  return f64x2.mul(y, i64x2.add(one, kbits)); // × 2^k
}

// ---------------------------------------------------------------- log

/**
 * log(x) for positive normal x, following the fdlibm e_log.c decomposition:
 * x = 2^k·m with m ∈ [√½, √2), f = m − 1, s = f/(2+f), z = s², and
 * log(x) = k·ln2hi + (f − (f²/2 − (s·(f²/2 + z·T(z)) + k·ln2lo))).
 * `unbias` is 2^52 + 1023 (+ n to report an input pre-scaled by 2^n).
 */
// @ts-ignore: decorator
@inline function logCore(x: v128, unbias: v128): v128 {
  // u's exponent field holds k + 1023 and its mantissa field m's, relative to √½.
  const u = i64x2.add(x, splat(BITS_I64, B_OFFSET));
  const kd = f64x2.sub(v128.or(i64x2.shr_u(u, 52), splat(BITS_I64, B_TWO52)), unbias);
  const m = i64x2.add(v128.and(u, splat(BITS_I64, B_MANT)), splat(BITS_I64, B_SQRTHALF));
  const one = splat(LOG_F64, L_ONE);
  const f = f64x2.sub(m, one); // exact (Sterbenz)
  const s = f64x2.div(f, f64x2.add(m, one)); // m + 1 = 2 + f
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const w2 = f64x2.mul(w, w);
  const p01 = madd(z, splat(LOG_F64, L_T + 1), splat(LOG_F64, L_T));
  const p23 = madd(z, splat(LOG_F64, L_T + 3), splat(LOG_F64, L_T + 2));
  const p45 = madd(z, splat(LOG_F64, L_T + 5), splat(LOG_F64, L_T + 4));
  const t = madd(w2, madd(w, splat(LOG_F64, L_T + 6), p45), madd(w, p23, p01));
  const hfsq = f64x2.mul(f64x2.mul(splat(LOG_F64, L_HALF), f), f);
  const tail = madd(s, madd(z, t, hfsq), f64x2.mul(kd, splat(LOG_F64, L_LN2LO)));
  // k·ln2hi is exact, so fusing the last step changes nothing.
  return madd(kd, splat(LOG_F64, L_LN2HI), f64x2.sub(f, f64x2.sub(hfsq, tail)));
}

/** Natural log for both lanes. log(1) = +0 exactly; < 1 ulp on positive normals. */
// @ts-ignore: decorator
@inline export function vlog(x: v128): v128 {
  // Positive normal and finite; NaN fails both comparisons.
  const normal = v128.and(
    f64x2.ge(x, splat(LOG_F64, L_MINNORM)),
    f64x2.lt(x, splat(LOG_F64, L_INF)),
  );
  if (i64x2.bitmask(normal) != 3) return vlogEdge(x);
  return logCore(x, splat(LOG_F64, L_UNBIAS));
}

/**
 * Out-of-line log for lanes that are not positive normals: subnormals are
 * scaled by 2^54 first (exact) and their exponent corrected; then
 * ±0 → −Inf, negative → NaN, +Inf → +Inf, NaN → NaN (the input's).
 */
function vlogEdge(x: v128): v128 {
  const tiny = f64x2.lt(x, splat(LOG_F64, L_MINNORM));
  const xs = v128.bitselect(f64x2.mul(x, splat(LOG_F64, L_TWO54)), x, tiny);
  const unbias = v128.bitselect(splat(LOG_F64, L_UNBIAS_SUB), splat(LOG_F64, L_UNBIAS), tiny);
  let y = logCore(xs, unbias);
  const zero = splat(LOG_F64, L_ZERO);
  y = v128.bitselect(splat(LOG_F64, L_NEGINF), y, f64x2.eq(x, zero));
  y = v128.bitselect(splat(LOG_F64, L_NAN), y, f64x2.lt(x, zero));
  y = v128.bitselect(x, y, f64x2.eq(x, splat(LOG_F64, L_INF)));
  return v128.bitselect(x, y, f64x2.ne(x, x));
}
