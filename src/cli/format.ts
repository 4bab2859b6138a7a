/** Plain-text rendering of results for the terminal. */

import type { FitResult } from '../core/fit.js';
import type { ComputeOptimal } from '../core/law.js';

import { formatLaw, sig } from '../core/law-text.js';
export { sig };

/** 1.23e11 → "123B": parameters and tokens read better with SI-style suffixes. */
export function count(x: number): string {
  const units: [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  for (const [scale, suffix] of units) if (Math.abs(x) >= scale) return `${sig(x / scale, 4)}${suffix}`;
  return sig(x, 4);
}

export function formatFit(r: FitResult): string {
  const where = r.workers > 0 ? `${r.engine} engine, ${r.workers} workers` : `${r.engine} engine`;
  const lossName = { huber: `Huber δ=${r.delta} on log loss`, squared: 'squared log residuals', 'squared-raw': 'squared residuals', asymmetric: 'asymmetric loss' }[r.loss];
  return [
    `${r.form} fit of ${r.runs} runs (${lossName}, ${r.strategy}: ${r.starts.total} starts, ${where}, ${(r.ms / 1000).toFixed(2)} s)`,
    `  ${formatLaw(r.law)}`,
    `  objective ${r.objective.toPrecision(16)}; ${r.converged ? 'converged' : 'NOT converged'} (${r.reason})`,
    `  starts ending within 1e-9 of the best: ${r.starts.withinTolerance} of ${r.starts.total}; evaluations ${r.evaluations}`,
    ...r.notices.map((n) => `  note: ${n}`),
  ].join('\n');
}

export function formatOptimal(o: ComputeOptimal): string {
  return [
    `Compute-optimal allocation of C = ${o.C.toExponential(3)} FLOPs (C = 6ND):`,
    `  N* = ${count(o.N)} parameters, D* = ${count(o.D)} tokens, ${sig(o.tokensPerParam, 4)} tokens per parameter`,
    `  predicted loss ${sig(o.loss, 6)}; G = ${sig(o.G, 4)}, N* ∝ C^${sig(o.a, 4)}, D* ∝ C^${sig(o.b, 4)}`,
  ].join('\n');
}
