/** Plain-text rendering of results for the terminal. */

import type { FitResult } from '../core/fit.js';
import type { ComputeOptimal } from '../core/law.js';

/** 7 significant digits, trailing zeros trimmed. */
export const sig = (x: number, digits = 7): string => String(Number(x.toPrecision(digits)));

/** 1.23e11 → "123B": parameters and tokens read better with SI-style suffixes. */
export function count(x: number): string {
  const units: [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  for (const [scale, suffix] of units) if (Math.abs(x) >= scale) return `${sig(x / scale, 4)}${suffix}`;
  return sig(x, 4);
}

export function formatFit(r: FitResult): string {
  const p = r.params;
  const where = r.workers > 0 ? `${r.engine} engine, ${r.workers} workers` : `${r.engine} engine`;
  const lossName = r.loss === 'huber' ? `Huber δ=${r.delta}` : 'squared';
  return [
    `Chinchilla fit of ${r.runs} runs (${lossName} on log loss, ${r.strategy}: ${r.starts.total} starts, ${where}, ${(r.ms / 1000).toFixed(2)} s)`,
    `  L(N, D) = ${sig(p.E)} + ${sig(p.A)}/N^${sig(p.alpha)} + ${sig(p.B)}/D^${sig(p.beta)}`,
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
