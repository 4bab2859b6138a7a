/**
 * Preallocated state for one L-BFGS run, so the optimiser allocates nothing
 * per iteration (the same discipline as the WebAssembly core).
 */

/** f(x), writing ∇f(x) into g. */
export type Objective = (x: Float64Array, g: Float64Array) => number;

export class Workspace {
  readonly n: number;
  readonly m: number;
  readonly x: Float64Array;
  readonly g: Float64Array;
  readonly d: Float64Array;
  readonly xt: Float64Array;
  readonly gt: Float64Array;
  /** History of steps s and gradient changes y, m rows of n, used as a ring. */
  readonly s: Float64Array;
  readonly y: Float64Array;
  readonly rho: Float64Array;
  readonly alphaTmp: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  bounded = false;
  /** The objective's rounding relative to |f|: a line search predicting less decrease is not tried. */
  noise = 0;
  evals = 0;
  ft = 0;
  dgt = 0;
  /** f at xt (whose gradient gt holds) while `trialValid`: a trial at that same point is not evaluated again. */
  fTrial = 0;
  trialValid = false;

  constructor(n: number, m = 10) {
    this.n = n;
    this.m = m;
    this.x = new Float64Array(n);
    this.g = new Float64Array(n);
    this.d = new Float64Array(n);
    this.xt = new Float64Array(n);
    this.gt = new Float64Array(n);
    this.s = new Float64Array(m * n);
    this.y = new Float64Array(m * n);
    this.rho = new Float64Array(m);
    this.alphaTmp = new Float64Array(m);
    this.lower = new Float64Array(n).fill(-Infinity);
    this.upper = new Float64Array(n).fill(Infinity);
  }
}
