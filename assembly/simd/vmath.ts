// Vectorised exp and log for two f64 lanes (f64x2), plus the scalar helpers used
// by the scalar build. Use `vexp` / `vlog` inside SIMD kernels (guarded by
// `if (ASC_FEATURE_SIMD)`), and `sexp` / `slog` in the scalar branch.
//
// Accuracy against a double-double reference (test/node/vmath.test.ts, and a
// 2M-point sweep): exp ≤ 1.07 ulp, log ≤ 0.83 ulp, with or without FMA.
//
// Tuned for V8 (see shared/docs/toolchain.md): constants are loaded with
// `v128.load64_splat` from static `memory.data` tables (one movddup each)
// instead of `f64x2.splat(constant)`; clamping uses `pmin/pmax`; polynomials
// use Estrin's scheme, with `f64x2.relaxed_madd` (fused multiply-add where the
// hardware has it) when relaxed SIMD is enabled. Rare lanes (overflow,
// underflow, NaN, zero, negative, subnormal) leave the inlined fast path for a
// small out-of-line function, so the hot code stays short.
//
// Polynomial coefficients were computed for this file by a Remez exchange
// (weighted minimax, 60-digit arithmetic with mpmath) and rounded to double;
// the stated error bounds include that rounding.

// ---------------------------------------------------------------- tables

// f64 constants for exp. Index names below; all values are exact doubles.
const EXP_F64: usize = memory.data<f64>([
  1.4426950408889634,     //  0 1/ln 2                      0x3FF71547652B82FE
  6755399441055744.0,     //  1 1.5·2^52 round-to-integer shift 0x4338000000000000
  0.6931471805598903,     //  2 ln 2 high part, 42 bits   0x3FE62E42FEFA3800
  5.497923018708371e-14,  //  3 ln 2 − high part            0x3D2EF35793C76730
  708.0,                  //  4 |x| below this: 2^k is a normal double
  709.8,                  //  5 clamp above: exp overflows to +Inf
  -746.0,                 //  6 clamp below: exp underflows to +0
  1.0,                    //  7 one
  // exp(r) ≈ 1 + r + r²·Q(r), Q of degree 9, minimax for the relative error of
  // the whole result on |r| ≤ 0.3467 (> ln2/2): max 3.6e-18 (9.9e-18 rounded).
  0.5000000000000011,     //  8 q0 0x3FE000000000000A  0.50000000000000106546855
  0.16666666666666413,    //  9 q1 0x3FC55555555554FA  0.16666666666666411846169
  0.04166666666652987,    // 10 q2 0x3FA5555555550853  0.04166666666652987358619
  0.008333333333494806,   // 11 q3 0x3F81111111127CAC  0.00833333333349480655024
  0.0013888888943716117,  // 12 q4 0x3F56C16C18433C0B  0.00138888889437161171517
  0.00019841269506037362, // 13 q5 0x3F2A01A012A26F2F  1.98412695060373609732e-4
  2.4801493000031e-05,    // 14 q6 0x3EFA01999F092BEC  2.48014930000309968630e-5
  2.7557586666663775e-06, // 15 q7 0x3EC71DF2594292DE  2.75575866666637738432e-6
  2.763028671458136e-07,  // 16 q8 0x3E928AD8DC613BFA  2.76302867145813568377e-7
  2.5000030578826534e-08, // 17 q9 0x3E5AD7F4C198A1A9  2.50000305788265353664e-8
], 16);

// @ts-ignore: decorator
@inline const E_INVLN2: i32 = 0;
// @ts-ignore: decorator
@inline const E_SHIFT: i32 = 1;
// @ts-ignore: decorator
@inline const E_LN2HI: i32 = 2;
// @ts-ignore: decorator
@inline const E_LN2LO: i32 = 3;
// @ts-ignore: decorator
@inline const E_FAST: i32 = 4;
// @ts-ignore: decorator
@inline const E_HI: i32 = 5;
// @ts-ignore: decorator
@inline const E_LO: i32 = 6;
// @ts-ignore: decorator
@inline const E_ONE: i32 = 7;
// @ts-ignore: decorator
@inline const E_Q: i32 = 8;

// f64 constants for log.
const LOG_F64: usize = memory.data<f64>([
  0.6931471805598903,      //  0 ln 2 high part, 42 bits: k·hi exact 0x3FE62E42FEFA3800
  5.497923018708371e-14,   //  1 ln 2 − high part             0x3D2EF35793C76730
  4503599627371519.0,      //  2 2^52 + 1023: unbias the exponent 0x43300000000003FF
  4503599627371573.0,      //  3 2^52 + 1023 + 54: same after scaling by 2^54
  1.0,                     //  4 one
  0.5,                     //  5 one half
  2.2250738585072014e-308, //  6 smallest positive normal, 2^-1022
  Infinity,                //  7 +Inf
  -Infinity,               //  8 −Inf
  18014398509481984.0,     //  9 2^54: lifts subnormals into the normal range
  NaN,                     // 10 quiet NaN
  0.0,                     // 11 zero
  // log(1+f) = f − f²/2 + s·(f²/2 + z·T(z)), s = f/(2+f), z = s² (the fdlibm
  // e_log.c decomposition). T of degree 6, minimax for the relative error of
  // the result on z ∈ [0, 0.02944] (|s| ≤ 3 − 2√2): 1.2e-18 (1.9e-18 rounded).
  0.6666666666666734,      // 12 t0 0x3FE5555555555592  0.66666666666667344571
  0.39999999999414343,     // 13 t1 0x3FD999999997FD7B  0.39999999999414344819
  0.2857142874246908,      // 14 t2 0x3FD24924941F4BA1  0.28571428742469080563
  0.22222198564130213,     // 15 t3 0x3FCC71C520640AA0  0.22222198564130214172
  0.1818356483073271,      // 16 t4 0x3FC74663F95D0BF7  0.18183564830732709198
  0.15314036813806572,     // 17 t5 0x3FC39A1A846CD9AB  0.15314036813806572765
  0.14796095085859315,     // 18 t6 0x3FC2F0626A82E883  0.14796095085859315345
], 16);

// @ts-ignore: decorator
@inline const L_LN2HI: i32 = 0;
// @ts-ignore: decorator
@inline const L_LN2LO: i32 = 1;
// @ts-ignore: decorator
@inline const L_UNBIAS: i32 = 2;
// @ts-ignore: decorator
@inline const L_UNBIAS_SUB: i32 = 3;
// @ts-ignore: decorator
@inline const L_ONE: i32 = 4;
// @ts-ignore: decorator
@inline const L_HALF: i32 = 5;
// @ts-ignore: decorator
@inline const L_MINNORM: i32 = 6;
// @ts-ignore: decorator
@inline const L_INF: i32 = 7;
// @ts-ignore: decorator
@inline const L_NEGINF: i32 = 8;
// @ts-ignore: decorator
@inline const L_TWO54: i32 = 9;
// @ts-ignore: decorator
@inline const L_NAN: i32 = 10;
// @ts-ignore: decorator
@inline const L_ZERO: i32 = 11;
// @ts-ignore: decorator
@inline const L_T: i32 = 12;

// Integer bit patterns (i64 lanes).
const BITS_I64: usize = memory.data<i64>([
  0x4338000000000000, // 0 bits of 1.5·2^52 (E_SHIFT): bits(kd) − this = k
  1023,               // 1 exponent bias
  0x00095F619980C433, // 2 bits(1.0) − bits(√½): moves [√½, √2) onto one exponent
  0x000FFFFFFFFFFFFF, // 3 mantissa mask
  0x3FE6A09E667F3BCD, // 4 bits(√½) = bits(0.70710678118654757)
  0x4330000000000000, // 5 bits(2^52): integer-to-double by OR
], 16);

// @ts-ignore: decorator
@inline const B_SHIFT: i32 = 0;
// @ts-ignore: decorator
@inline const B_BIAS: i32 = 1;
// @ts-ignore: decorator
@inline const B_OFFSET: i32 = 2;
// @ts-ignore: decorator
@inline const B_MANT: i32 = 3;
// @ts-ignore: decorator
@inline const B_SQRTHALF: i32 = 4;
// @ts-ignore: decorator
@inline const B_TWO52: i32 = 5;

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

/** exp(r) for |r| ≤ ln2/2: 1 + r + r²·Q(r), Q by Estrin's scheme. r = 0 gives exactly 1. */
// @ts-ignore: decorator
@inline function expPoly(r: v128): v128 {
  const r2 = f64x2.mul(r, r);
  const r4 = f64x2.mul(r2, r2);
  const r8 = f64x2.mul(r4, r4);
  const p01 = madd(r, splat(EXP_F64, E_Q + 1), splat(EXP_F64, E_Q));
  const p23 = madd(r, splat(EXP_F64, E_Q + 3), splat(EXP_F64, E_Q + 2));
  const p45 = madd(r, splat(EXP_F64, E_Q + 5), splat(EXP_F64, E_Q + 4));
  const p67 = madd(r, splat(EXP_F64, E_Q + 7), splat(EXP_F64, E_Q + 6));
  const p89 = madd(r, splat(EXP_F64, E_Q + 9), splat(EXP_F64, E_Q + 8));
  const p03 = madd(r2, p23, p01);
  const p47 = madd(r2, p67, p45);
  const q = madd(r8, p89, madd(r4, p47, p03));
  return f64x2.add(splat(EXP_F64, E_ONE), madd(r2, q, r));
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

// ---------------------------------------------------------------- scalar

/** e^x in the scalar build: AssemblyScript's NativeMath (musl-derived, < 1 ulp). */
// @ts-ignore: decorator
@inline export function sexp(x: f64): f64 {
  return Math.exp(x);
}

/** log(x) in the scalar build: AssemblyScript's NativeMath (musl-derived, < 1 ulp). */
// @ts-ignore: decorator
@inline export function slog(x: f64): f64 {
  return Math.log(x);
}
