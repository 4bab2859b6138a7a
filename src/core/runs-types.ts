/** The validated training runs every fitter consumes: one entry per run, all finite and positive. */
export interface Runs {
  /** Parameters per run. */
  readonly N: Float64Array;
  /** Training tokens per run (derived as C / (6N) when only compute was given). */
  readonly D: Float64Array;
  /** Final loss per run. */
  readonly loss: Float64Array;
  /** Training compute per run when the input had it, else 6·N·D. */
  readonly C: Float64Array;
  /** 1-based data row of each run in the input (so errors and drops can be traced back). */
  readonly rows: Int32Array;
  /** Unique training tokens per run, when the input had such a column (data-constrained fits). */
  readonly U?: Float64Array;
  /** Per-run weights, when a weights column was named. */
  readonly weight?: Float64Array;
  /** A benchmark metric per run (≥ 0), when the input had one: what a task law predicts from the loss. */
  readonly metric?: Float64Array;
  /** Which input column fed each quantity (`C` only when compute was read). */
  readonly columns: {
    readonly N: string; readonly D?: string; readonly C?: string; readonly loss: string; readonly U?: string; readonly weight?: string; readonly metric?: string;
  };
  /**
   * Other columns that could have fed a quantity recognised by name (not
   * mapped by the caller), leftmost first: the choice is deterministic but may
   * not be the one meant (src/core/column-diagnostics.ts names it).
   */
  readonly alternatives?: { readonly N?: readonly string[]; readonly D?: readonly string[]; readonly C?: readonly string[]; readonly loss?: readonly string[] };
  /** True when D was derived from C = 6ND. */
  readonly derivedD: boolean;
}
