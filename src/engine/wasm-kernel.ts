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
  setData(columns: number, count: number): void;
  configure(form: number, loss: number, delta: number, asymmetry: number, variable: number, breaks: number, constants: number, tieTarget: number, tieSource: number): void;
  paramCount(): number;
  objective(theta: number, grad: number): number;
  fitStarts(starts: number, count: number, out: number, maxIter: number, maxEvals: number, gtol: number, ftol: number, noise: number, lower: number, upper: number, affine: number): void;
  fitWeighted(weights: number, count: number, start: number, out: number, maxIter: number, maxEvals: number, gtol: number, ftol: number, noise: number, lower: number, upper: number, affine: number): void;
}

/** The objective and solver settings as plain numbers (structured-cloneable). */
export interface KernelSpec {
  form: number;
  loss: number;
  delta: number;
  asymmetry: number;
  variable: number;
  breaks: number;
  constants: Float64Array;
  /** θ[tieTarget] = θ[tieSource] in the full θ; tieTarget −1: no tie. */
  tieTarget: number;
  tieSource: number;
  maxIter: number;
  maxEvals: number;
  gtol: number;
  ftol: number;
  noise: number;
  lower?: Float64Array;
  upper?: Float64Array;
}

/** The eight per-run columns of assembly/points.ts, in order: ln N, ln D, ln C, ln U, ln L, L, task input, weight. */
export type KernelColumns = [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];

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
  private runs = 0;
  /** Scratch: θ and ∇f, bounds, form constants (64 f64 each), and grown input/output buffers. */
  private scratch = 0;
  private input = 0;
  private output = 0;
  private capacity = 0;

  constructor(module: WebAssembly.Module) {
    this.core = new WebAssembly.Instance(module, {}).exports as unknown as CoreExports;
  }

  private f64(ptr: number, length: number): Float64Array {
    // A fresh view each time: memory growth detaches earlier ones.
    return new Float64Array(this.core.memory.buffer, ptr, length);
  }

  /** Bytes of linear memory this instance holds. */
  memoryBytes(): number {
    return this.core.memory.buffer.byteLength;
  }

  /** Copies the runs into linear memory; frees everything allocated for the previous set. */
  setData(columns: KernelColumns): void {
    const c = this.core, n = columns[0].length;
    c.resetHeap();
    const table = c.alloc(4 * columns.length);
    const pointers = columns.map((col) => {
      const p = c.alloc(8 * Math.max(n, 1));
      this.f64(p, n).set(col);
      return p;
    });
    new Uint32Array(c.memory.buffer, table, columns.length).set(pointers);
    c.setData(table, n);
    this.runs = n;
    // θ, ∇, lower, upper and constants (64 f64 each), then an affine change of variables (origin and L: 16 + 16² f64 for the most parameters a form has).
    this.scratch = c.alloc(8 * (64 * 5 + 16 + 16 * 16));
    this.capacity = 0;
  }

  private configure(s: KernelSpec): { lo: number; hi: number } {
    const base = this.scratch;
    const constants = base + 8 * 64 * 4;
    this.f64(constants, s.constants.length).set(s.constants);
    this.core.configure(s.form, s.loss, s.delta, s.asymmetry, s.variable, s.breaks, constants, s.tieTarget, s.tieSource);
    if (!s.lower || !s.upper) return { lo: 0, hi: 0 };
    const lo = base + 8 * 64 * 2, hi = base + 8 * 64 * 3;
    this.f64(lo, s.lower.length).set(s.lower);
    this.f64(hi, s.upper.length).set(s.upper);
    return { lo, hi };
  }

  objective(s: KernelSpec, theta: Float64Array, grad: Float64Array): number {
    this.configure(s);
    const pt = this.scratch, pg = this.scratch + 8 * 64;
    this.f64(pt, theta.length).set(theta);
    const f = this.core.objective(pt, pg);
    grad.set(this.f64(pg, grad.length));
    return f;
  }

  /** Input and output buffers of at least these sizes (in f64). */
  private buffers(inLength: number, outLength: number): void {
    const need = Math.max(inLength, outLength);
    if (need <= this.capacity) return;
    // Grow by allocating afresh; the old buffers are reclaimed at the next setData.
    this.capacity = Math.max(need, 2 * this.capacity);
    this.input = this.core.alloc(8 * this.capacity);
    this.output = this.core.alloc(8 * this.capacity);
  }

  private read(count: number, params: number): KernelBatch {
    const stride = params + 4;
    const raw = this.f64(this.output, count * stride);
    const b: KernelBatch = {
      params,
      theta: new Float64Array(count * params),
      f: new Float64Array(count),
      iterations: new Int32Array(count),
      evals: new Int32Array(count),
      status: new Int32Array(count),
    };
    for (let k = 0; k < count; k++) {
      const row = k * stride;
      for (let i = 0; i < params; i++) b.theta[k * params + i] = raw[row + i];
      b.f[k] = raw[row + params];
      b.iterations[k] = raw[row + params + 1];
      b.evals[k] = raw[row + params + 2];
      b.status[k] = raw[row + params + 3];
    }
    return b;
  }

  /** `affine` (origin then L, row-major: θ = origin + L·z) makes the rows of `starts` z₀; see assembly/solve/affine.ts. */
  fitStarts(s: KernelSpec, starts: Float64Array, affine?: Float64Array): KernelBatch {
    const { lo, hi } = this.configure(s);
    const P = this.core.paramCount(), count = Math.floor(starts.length / P);
    this.buffers(starts.length, count * (P + 4));
    this.f64(this.input, starts.length).set(starts);
    this.core.fitStarts(this.input, count, this.output, s.maxIter, s.maxEvals, s.gtol, s.ftol, s.noise, lo, hi, this.placeAffine(affine, P));
    return this.read(count, P);
  }

  /** Writes an affine change of variables after the scratch's five blocks: its pointer, or 0 when there is none for P parameters. */
  private placeAffine(affine: Float64Array | undefined, P: number): number {
    if (!affine || affine.length !== P + P * P) return 0;
    const at = this.scratch + 8 * 64 * 5;
    this.f64(at, affine.length).set(affine);
    return at;
  }

  /** `affine` (origin then L, row-major: θ = origin + L·z) makes `start` z₀; see assembly/solve/affine.ts. */
  fitWeighted(s: KernelSpec, weights: Float64Array, start: Float64Array, affine?: Float64Array): KernelBatch {
    const { lo, hi } = this.configure(s);
    const P = this.core.paramCount(), count = Math.floor(weights.length / this.runs);
    this.buffers(weights.length, count * (P + 4));
    this.f64(this.input, weights.length).set(weights);
    const pStart = this.scratch;
    this.f64(pStart, P).set(start);
    this.core.fitWeighted(this.input, count, pStart, this.output, s.maxIter, s.maxEvals, s.gtol, s.ftol, s.noise, lo, hi, this.placeAffine(affine, P));
    return this.read(count, P);
  }
}
