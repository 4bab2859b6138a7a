/** Allocating and joining per-start result tables (BatchResult). */

import type { BatchResult } from './types.js';

export function newBatch(count: number, params: number): BatchResult {
  return {
    params,
    theta: new Float64Array(count * params),
    f: new Float64Array(count),
    iterations: new Int32Array(count),
    evals: new Int32Array(count),
    status: new Int32Array(count),
  };
}

/** Writes `part` into `into` from start row `from`. */
export function placeBatch(into: BatchResult, part: BatchResult, from: number): void {
  into.theta.set(part.theta, from * into.params);
  into.f.set(part.f, from);
  into.iterations.set(part.iterations, from);
  into.evals.set(part.evals, from);
  into.status.set(part.status, from);
}

export function concatBatches(parts: BatchResult[], params: number): BatchResult {
  const out = newBatch(parts.reduce((n, b) => n + b.f.length, 0), params);
  let row = 0;
  for (const b of parts) {
    placeBatch(out, b, row);
    row += b.f.length;
  }
  return out;
}
