// Test and benchmark entry points for the exp/log of simd/vmath.ts and the
// scalar functions of math/scalar.ts. They map a function over n f64 values in
// linear memory (in and out may be the same buffer). vecExp/vecLog use
// vexp/vlog in SIMD builds, two lanes at a time (one inlined copy each, to
// keep the builds small), and the scalar port (math/port.ts) in the scalar
// build. Not used by the fitter itself: it inlines vexp/vlog into its kernels.

import { vexp, vlog } from "./simd/vmath";
import { exp, expm1, log, log1p, pow, sigmoid, softplus } from "./math/scalar";

/** out[i] = exp(in[i]) for i < n. */
export function vecExp(inPtr: usize, outPtr: usize, n: i32): void {
  if (ASC_FEATURE_SIMD) {
    for (let i: i32 = 0; i < n; i += 2) {
      const o = <usize>i << 3;
      // An odd last value fills both lanes: same code path as the others, so
      // results don't depend on position.
      const whole = i + 1 < n;
      const y = vexp(whole ? v128.load(inPtr + o) : v128.load64_splat(inPtr + o));
      if (whole) v128.store(outPtr + o, y);
      else v128.store64_lane(outPtr + o, y, 0);
    }
  } else {
    for (let i: i32 = 0; i < n; i++) {
      const o = <usize>i << 3;
      store<f64>(outPtr + o, exp(load<f64>(inPtr + o)));
    }
  }
}

/** out[i] = log(in[i]) for i < n. */
export function vecLog(inPtr: usize, outPtr: usize, n: i32): void {
  if (ASC_FEATURE_SIMD) {
    for (let i: i32 = 0; i < n; i += 2) {
      const o = <usize>i << 3;
      const whole = i + 1 < n;
      const y = vlog(whole ? v128.load(inPtr + o) : v128.load64_splat(inPtr + o));
      if (whole) v128.store(outPtr + o, y);
      else v128.store64_lane(outPtr + o, y, 0);
    }
  } else {
    for (let i: i32 = 0; i < n; i++) {
      const o = <usize>i << 3;
      store<f64>(outPtr + o, log(load<f64>(inPtr + o)));
    }
  }
}

/**
 * out[i] = f(x[i]) (or pow(x[i], y[i])) for i < n with the math/scalar.ts
 * function `fn`: 0 exp, 1 log, 2 expm1, 3 log1p, 4 pow, 5 softplus, 6 sigmoid.
 */
export function scalarMath(fn: i32, xPtr: usize, yPtr: usize, outPtr: usize, n: i32): void {
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const x = load<f64>(xPtr + o);
    let v: f64;
    switch (fn) {
      case 0: v = exp(x); break;
      case 1: v = log(x); break;
      case 2: v = expm1(x); break;
      case 3: v = log1p(x); break;
      case 4: v = pow(x, load<f64>(yPtr + o)); break;
      case 5: v = softplus(x); break;
      default: v = sigmoid(x);
    }
    store<f64>(outPtr + o, v);
  }
}
