// Test and benchmark entry points for the vector exp/log in simd/vmath.ts.
// They map a function over n f64 values in linear memory (in and out may be
// the same buffer). SIMD builds use vexp/vlog, two lanes at a time and two
// vectors per iteration; the scalar build uses Math.exp/Math.log. Not used by
// the fitter itself: it inlines vexp/vlog into its own kernels.

import { vexp, vlog, sexp, slog } from "./simd/vmath";

/** out[i] = exp(in[i]) for i < n. */
export function vecExp(inPtr: usize, outPtr: usize, n: i32): void {
  let i: i32 = 0;
  if (ASC_FEATURE_SIMD) {
    for (; i + 4 <= n; i += 4) {
      const o = <usize>i << 3;
      const a = v128.load(inPtr + o);
      const b = v128.load(inPtr + o, 16);
      v128.store(outPtr + o, vexp(a));
      v128.store(outPtr + o, vexp(b), 16);
    }
    if (i + 2 <= n) {
      const o = <usize>i << 3;
      v128.store(outPtr + o, vexp(v128.load(inPtr + o)));
      i += 2;
    }
    if (i < n) {
      // Odd tail: same code path as the other lanes, so results don't depend on position.
      const o = <usize>i << 3;
      v128.store64_lane(outPtr + o, vexp(v128.load64_splat(inPtr + o)), 0);
    }
  } else {
    for (; i < n; i++) {
      const o = <usize>i << 3;
      store<f64>(outPtr + o, sexp(load<f64>(inPtr + o)));
    }
  }
}

/** out[i] = log(in[i]) for i < n. */
export function vecLog(inPtr: usize, outPtr: usize, n: i32): void {
  let i: i32 = 0;
  if (ASC_FEATURE_SIMD) {
    for (; i + 4 <= n; i += 4) {
      const o = <usize>i << 3;
      const a = v128.load(inPtr + o);
      const b = v128.load(inPtr + o, 16);
      v128.store(outPtr + o, vlog(a));
      v128.store(outPtr + o, vlog(b), 16);
    }
    if (i + 2 <= n) {
      const o = <usize>i << 3;
      v128.store(outPtr + o, vlog(v128.load(inPtr + o)));
      i += 2;
    }
    if (i < n) {
      const o = <usize>i << 3;
      v128.store64_lane(outPtr + o, vlog(v128.load64_splat(inPtr + o)), 0);
    }
  } else {
    for (; i < n; i++) {
      const o = <usize>i << 3;
      store<f64>(outPtr + o, slog(load<f64>(inPtr + o)));
    }
  }
}
