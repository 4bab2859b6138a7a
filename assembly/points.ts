/**
 * The runs being fitted, as pointers into linear memory that the host wrote
 * (structure of arrays, f64): ln N, ln D, ln C, ln U (unique tokens), ln L,
 * L, the task input (the loss a task form predicts its metric from; lnL and L
 * then hold the metric) and a weight per run. Kernels read the *active* set: normally all runs,
 * during a bootstrap refit a compacted copy holding only the runs drawn,
 * weighted by how often (assembly/solve/weighted.ts).
 */

export let lnN: usize = 0;
export let lnD: usize = 0;
export let lnC: usize = 0;
export let lnU: usize = 0;
export let lnL: usize = 0;
export let loss: usize = 0;
export let input: usize = 0;
export let weight: usize = 0;
export let count: i32 = 0;
/** True when every active weight is 1: the Chinchilla kernel then skips the weighting. */
export let unitWeights: bool = true;

const COLUMNS: i32 = 8;
let full: usize = 0; // the host's eight column pointers, in the order above
let scratch: usize = 0; // eight columns of `fullCount` f64 for compacted copies
let fullCount: i32 = 0;

@inline function column(base: usize, k: i32): usize {
  return load<usize>(base + (<usize>k << alignof<usize>()));
}

function activate(base: usize, n: i32): void {
  lnN = column(base, 0); lnD = column(base, 1); lnC = column(base, 2); lnU = column(base, 3);
  lnL = column(base, 4); loss = column(base, 5); input = column(base, 6); weight = column(base, 7);
  count = n;
  unitWeights = true;
  for (let i: i32 = 0; i < n; i++) if (load<f64>(weight + (<usize>i << 3)) != 1.0) { unitWeights = false; break; }
}

/** `columns` points at eight pointers: ln N, ln D, ln C, ln U, ln L, L, task input, weight. */
export function setData(columns: usize, n: i32): void {
  full = heap.alloc(<usize>COLUMNS << alignof<usize>());
  scratch = heap.alloc(<usize>COLUMNS << alignof<usize>());
  for (let k: i32 = 0; k < COLUMNS; k++) {
    store<usize>(full + (<usize>k << alignof<usize>()), column(columns, k));
    store<usize>(scratch + (<usize>k << alignof<usize>()), heap.alloc(<usize>max(n, 1) << 3));
  }
  fullCount = n;
  activate(full, n);
}

export function useAllRuns(): void {
  activate(full, fullCount);
}

/** Makes the runs with a non-zero weight in `weights` (one per run) the active set, weighted by it. */
export function useWeightedRuns(weights: usize): void {
  let m: i32 = 0;
  for (let i: i32 = 0; i < fullCount; i++) {
    const off = <usize>i << 3;
    const w = load<f64>(weights + off);
    if (w == 0) continue;
    const dst = <usize>m << 3;
    for (let k: i32 = 0; k < COLUMNS - 1; k++) {
      store<f64>(column(scratch, k) + dst, load<f64>(column(full, k) + off));
    }
    store<f64>(column(scratch, COLUMNS - 1) + dst, w);
    m++;
  }
  activate(scratch, m);
}

/** Runs in the full data set (not the active subset). */
export function runCount(): i32 {
  return fullCount;
}
