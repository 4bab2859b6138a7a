/**
 * One instance of the WebAssembly core with its memory laid out for a data
 * set: the host side of assembly/index.ts.
 *
 * Self-contained on purpose (no imports at run time, literal constants only):
 * src/engine/worker-source.ts ships this class's source text into workers
 * made from Blob URLs or eval'd worker_threads, so it must not reference
 * anything outside itself.
 */

/** The exports of assembly/index.ts. */
interface CoreExports {
  memory: WebAssembly.Memory;
  alloc(bytes: number): number;
  resetHeap(): void;
  setPoints(lnN: number, lnD: number, lnL: number, count: number): void;
  configure(form: number, loss: number, delta: number): void;
  objective(theta: number, grad: number): number;
  fitStarts(
    form: number, starts: number, nStarts: number, out: number,
    maxIter: number, maxEvals: number, gtol: number, ftol: number, lower: number, upper: number,
  ): void;
}

/** Plain-data batch result (structured-cloneable), as in ./types.ts BatchResult. */
export interface KernelBatch {
  params: number;
  theta: Float64Array;
  f: Float64Array;
  iterations: Int32Array;
  evals: Int32Array;
  status: Int32Array;
}

export class WasmKernel {
  readonly core: CoreExports;
  /** Scratch for θ and ∇f, and the capacity of the start/output buffers. */
  private theta = 0;
  private grad = 0;
  private bounds = 0;
  private starts = 0;
  private out = 0;
  private capacity = 0;

  constructor(module: WebAssembly.Module) {
    this.core = new WebAssembly.Instance(module, {}).exports as unknown as CoreExports;
  }

  private f64(ptr: number, length: number): Float64Array {
    // A fresh view each time: memory growth detaches earlier ones.
    return new Float64Array(this.core.memory.buffer, ptr, length);
  }

  /** Copies the runs into linear memory; frees everything allocated for the previous set. */
  setPoints(lnN: Float64Array, lnD: Float64Array, lnL: Float64Array): void {
    const c = this.core, n = lnN.length;
    c.resetHeap();
    const pN = c.alloc(8 * n), pD = c.alloc(8 * n), pL = c.alloc(8 * n);
    this.theta = c.alloc(8 * 16);
    this.grad = c.alloc(8 * 16);
    this.bounds = c.alloc(8 * 32);
    this.capacity = 0;
    this.f64(pN, n).set(lnN);
    this.f64(pD, n).set(lnD);
    this.f64(pL, n).set(lnL);
    c.setPoints(pN, pD, pL, n);
  }

  objective(form: number, loss: number, delta: number, theta: Float64Array, grad: Float64Array): number {
    this.core.configure(form, loss, delta);
    this.f64(this.theta, theta.length).set(theta);
    const f = this.core.objective(this.theta, this.grad);
    grad.set(this.f64(this.grad, grad.length));
    return f;
  }

  fitStarts(
    form: number, loss: number, delta: number, params: number, starts: Float64Array,
    maxIter: number, maxEvals: number, gtol: number, ftol: number,
    lower?: Float64Array, upper?: Float64Array,
  ): KernelBatch {
    const c = this.core;
    const count = Math.floor(starts.length / params);
    const stride = params + 4;
    if (count * stride > this.capacity) {
      // Grow by allocating afresh; the old buffers are reclaimed at the next setPoints.
      this.capacity = Math.max(count * stride, 2 * this.capacity);
      this.starts = c.alloc(8 * this.capacity);
      this.out = c.alloc(8 * this.capacity);
    }
    this.f64(this.starts, starts.length).set(starts);
    let lo = 0, hi = 0;
    if (lower && upper) {
      lo = this.bounds;
      hi = this.bounds + 8 * 16;
      this.f64(lo, params).set(lower);
      this.f64(hi, params).set(upper);
    }
    c.configure(form, loss, delta);
    c.fitStarts(form, this.starts, count, this.out, maxIter, maxEvals, gtol, ftol, lo, hi);
    const raw = this.f64(this.out, count * stride);
    const batch: KernelBatch = {
      params,
      theta: new Float64Array(count * params),
      f: new Float64Array(count),
      iterations: new Int32Array(count),
      evals: new Int32Array(count),
      status: new Int32Array(count),
    };
    for (let k = 0; k < count; k++) {
      const row = k * stride;
      for (let i = 0; i < params; i++) batch.theta[k * params + i] = raw[row + i];
      batch.f[k] = raw[row + params];
      batch.iterations[k] = raw[row + params + 1];
      batch.evals[k] = raw[row + params + 2];
      batch.status[k] = raw[row + params + 3];
    }
    return batch;
  }
}
