// Constant tables shared by the vector exp/log/expm1 (../simd/vmath.ts) and
// their scalar ports (./port.ts): one copy of every constant in linear memory.
// The vector code loads them with `v128.load64_splat` (one movddup each: V8
// rebuilds `f64x2.splat(constant)` on every use); the scalar code with
// `f64.load` at a constant address. No lookup tables: a few constants each.
//
// Written by scripts/make-tables.mjs (`--check` compares; test/node/assembly/tables.test.ts
// runs it). Polynomial coefficients come from a Remez exchange (weighted minimax,
// exp for the relative error of the result, log for the absolute error of z·T(z),
// 320-bit fixed point) and are rounded to double; the stated error bounds include
// that rounding. The last digits of exp q5…q9 and log t3…t6, and the doubles of
// t5 and t6, are those of an earlier, less converged run, kept and checked to
// within 1e-14 of the minimax values (the script says why).

// f64 constants for exp (and expm1). Index names below; all values are exact doubles.
export const EXP_F64: usize = memory.data<f64>([
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
@inline export const E_INVLN2: i32 = 0;
// @ts-ignore: decorator
@inline export const E_SHIFT: i32 = 1;
// @ts-ignore: decorator
@inline export const E_LN2HI: i32 = 2;
// @ts-ignore: decorator
@inline export const E_LN2LO: i32 = 3;
// @ts-ignore: decorator
@inline export const E_FAST: i32 = 4;
// @ts-ignore: decorator
@inline export const E_HI: i32 = 5;
// @ts-ignore: decorator
@inline export const E_LO: i32 = 6;
// @ts-ignore: decorator
@inline export const E_ONE: i32 = 7;
// @ts-ignore: decorator
@inline export const E_Q: i32 = 8;

// f64 constants for log.
export const LOG_F64: usize = memory.data<f64>([
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
@inline export const L_LN2HI: i32 = 0;
// @ts-ignore: decorator
@inline export const L_LN2LO: i32 = 1;
// @ts-ignore: decorator
@inline export const L_UNBIAS: i32 = 2;
// @ts-ignore: decorator
@inline export const L_UNBIAS_SUB: i32 = 3;
// @ts-ignore: decorator
@inline export const L_ONE: i32 = 4;
// @ts-ignore: decorator
@inline export const L_HALF: i32 = 5;
// @ts-ignore: decorator
@inline export const L_MINNORM: i32 = 6;
// @ts-ignore: decorator
@inline export const L_INF: i32 = 7;
// @ts-ignore: decorator
@inline export const L_NEGINF: i32 = 8;
// @ts-ignore: decorator
@inline export const L_TWO54: i32 = 9;
// @ts-ignore: decorator
@inline export const L_NAN: i32 = 10;
// @ts-ignore: decorator
@inline export const L_ZERO: i32 = 11;
// @ts-ignore: decorator
@inline export const L_T: i32 = 12;

// Integer bit patterns (i64 lanes).
export const BITS_I64: usize = memory.data<i64>([
  0x4338000000000000, // 0 bits of 1.5·2^52 (E_SHIFT): bits(kd) − this = k
  1023,               // 1 exponent bias
  0x00095F619980C433, // 2 bits(1.0) − bits(√½): moves [√½, √2) onto one exponent
  0x000FFFFFFFFFFFFF, // 3 mantissa mask
  0x3FE6A09E667F3BCD, // 4 bits(√½) = bits(0.70710678118654757)
  0x4330000000000000, // 5 bits(2^52): integer-to-double by OR
], 16);

// @ts-ignore: decorator
@inline export const B_SHIFT: i32 = 0;
// @ts-ignore: decorator
@inline export const B_BIAS: i32 = 1;
// @ts-ignore: decorator
@inline export const B_OFFSET: i32 = 2;
// @ts-ignore: decorator
@inline export const B_MANT: i32 = 3;
// @ts-ignore: decorator
@inline export const B_SQRTHALF: i32 = 4;
// @ts-ignore: decorator
@inline export const B_TWO52: i32 = 5;

/** Entry `index` of an f64 table (an f64.load at a constant address). */
// @ts-ignore: decorator
@inline export function f64At(table: usize, index: i32): f64 {
  return load<f64>(table + (<usize>index << 3));
}

/** Entry `index` of the i64 table. */
// @ts-ignore: decorator
@inline export function i64At(table: usize, index: i32): i64 {
  return load<i64>(table + (<usize>index << 3));
}
