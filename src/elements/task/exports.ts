/**
 * Text exports of <scaling-task>: every run with its chained prediction
 * (CSV), and both fitted laws with the held-out predictions and any chained
 * intervals (JSON). Pure functions of what the element holds.
 */

import type { ChainBootstrapResult } from '../../core/chain-bootstrap.js';
import { toCsv, toJson } from '../../chart/export.js';
import type { TaskPlot } from './model.js';

const finite = (v: number) => (Number.isFinite(v) ? v : null);

/** One row per run: input row, N, D, C, loss, score, chained prediction of the score, held out or not. */
export function taskCsv(m: TaskPlot): string {
  const r = m.runs;
  return toCsv(['row', 'N', 'D', 'C', 'loss', 'metric', 'chained', 'held_out'],
    Array.from(r.N, (N, i) => [r.rows[i], N, r.D[i], r.C[i], r.loss[i], m.metric[i], finite(m.chained[i]), m.fits.heldOut[i] ? 1 : 0]));
}

const lawOf = (f: TaskPlot['fits']['lossFit']) => ({ form: f.law.form, params: f.law.params, converged: f.converged, status: f.status, objective: f.objective, runs: f.runs, diagnostics: f.diagnostics });

/** Both laws, the held-out runs with their predictions, the intervals (without samples), and which columns were read. */
export function taskJson(m: TaskPlot, band: ChainBootstrapResult | undefined, source: string): string {
  return toJson({
    source, columns: m.runs.columns,
    lossLaw: lawOf(m.fits.lossFit), taskLaw: lawOf(m.fits.taskFit),
    tokensPerParam: m.ratio,
    heldOut: m.heldOut.map((h) => ({
      row: m.runs.rows[h.index], N: m.runs.N[h.index], D: m.runs.D[h.index], C: h.C, loss: h.loss, metric: h.metric,
      predictedLoss: h.predictedLoss, predicted: h.predicted, relativeError: (h.predicted - h.metric) / h.metric,
      ...(h.interval && { interval: [h.interval.lo, h.interval.hi], lossInterval: [h.lossInterval!.lo, h.lossInterval!.hi] }),
    })),
    ...(band && { intervals: { resamples: band.resamples, failed: band.failed, level: band.level, diagnostics: band.diagnostics } }),
  });
}
