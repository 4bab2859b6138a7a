/**
 * <scaling-task>'s words about runs and the chain: the tooltip and
 * aria-label of a run, the rows of its tables, the cursor read-out along the
 * chained prediction (with its interval when computed) and the accessible
 * summary.
 */

import type { CursorDot } from '../../chart/marks/cursor.js';
import type { Interval } from '../../chart/marks/band.js';
import type { XY } from '../../chart/marks/line.js';
import { formatValue } from '../../chart/ticks.js';
import { summary, type TableCell } from '../../chart/a11y.js';
import type { TaskTranslate } from '../../i18n/index.js';
import { meanRelativeError, type TaskPlot, type TaskView } from './model.js';

const num = (x: number, digits = 4) => (Number.isFinite(x) ? formatValue('decimal', x, digits) : '—');
const percent = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '—');
const range = (i: Interval | undefined) => (i ? ` [${num(i.lo)}, ${num(i.hi)}]` : '');

/** Run i as lines: N and D; C; loss and score; the chained prediction (and its error, for a held-out run); input row. */
export function runLines(m: TaskPlot, i: number, metricName: string, t: TaskTranslate): string[] {
  const r = m.runs;
  if (i === undefined || !(i >= 0 && i < r.N.length)) return [];
  const held = m.heldOut.find((h) => h.index === i);
  const lines = [
    `N = ${formatValue('count', r.N[i])}, D = ${formatValue('count', r.D[i])}${held ? ` (${t('taskHeldOut')})` : ''}`,
    `C = ${formatValue('flops', r.C[i])} ${t('unitFlops')}`,
    `${t('loss')} = ${num(r.loss[i])}, ${metricName} = ${num(m.metric[i])}`,
  ];
  if (held) {
    lines.push(`${t('taskChained')}: ${t('loss')} ${num(held.predictedLoss)}${range(held.lossInterval)}, ${metricName} ${num(held.predicted)}${range(held.interval)}`);
    lines.push(t('taskRelError', { value: percent((held.predicted - held.metric) / held.metric) }));
  } else {
    lines.push(`${t('taskChained')}: ${metricName} ${num(m.chained[i])}`);
  }
  lines.push(t('fitRowN', { row: r.rows[i] }));
  return lines;
}

/** Run i as a row of the hidden runs table. */
export function runRow(m: TaskPlot, i: number, t: TaskTranslate): TableCell[] {
  const r = m.runs;
  return [r.rows[i], formatValue('count', r.N[i]), formatValue('count', r.D[i]), formatValue('flops', r.C[i]), num(r.loss[i]), num(m.metric[i]),
    num(m.chained[i]), m.fits.heldOut[i] ? t('taskHeldOut') : ''];
}

/** The held-out runs as rows of the visible backtest table. */
export function heldOutRows(m: TaskPlot): TableCell[][] {
  return m.heldOut.map((h) => [m.runs.rows[h.index], formatValue('count', m.runs.N[h.index]), formatValue('count', m.runs.D[h.index]),
    num(h.loss), `${num(h.predictedLoss)}${range(h.lossInterval)}`, num(h.metric), `${num(h.predicted)}${range(h.interval)}`,
    percent((h.predicted - h.metric) / h.metric)]);
}

/** y at x on a polyline sampled evenly in log x (interpolated linearly in y); NaN outside. */
function along<T extends { x: number }>(samples: readonly T[], x: number, y: (s: T) => number): number {
  for (let k = 1; k < samples.length; k++) {
    const a = samples[k - 1], b = samples[k];
    if ((x - a.x) * (x - b.x) > 0) continue;
    const f = (Math.log(x) - Math.log(a.x)) / (Math.log(b.x) - Math.log(a.x) || 1);
    return y(a) + f * (y(b) - y(a));
  }
  return NaN;
}

/** The chain at compute `value` in the compute views: a dot and tooltip lines (C, N and D on the ray, loss, score, intervals). */
export function cursorText(m: TaskPlot, view: TaskView, value: number, metricName: string, t: TaskTranslate): { dots: CursorDot[]; lines: string[] } | undefined {
  if (view === 'step') return undefined;
  const loss = along(m.lossLine, value, (s: XY) => s.y), score = along(m.metricLine, value, (s: XY) => s.y);
  if (!Number.isFinite(loss) || !Number.isFinite(score)) return undefined;
  const N = Math.sqrt(value / (6 * m.ratio));
  const bandAt = (b: Interval[] | undefined) => b && { x: value, lo: along(b, value, (s) => s.lo), hi: along(b, value, (s) => s.hi) };
  return {
    dots: [{ y: view === 'loss' ? loss : score, className: 'chain' }],
    lines: [
      `C = ${formatValue('flops', value)} ${t('unitFlops')} (N = ${formatValue('count', N, 3)}, D = ${formatValue('count', m.ratio * N, 3)})`,
      `${t('loss')} ${num(loss)}${range(bandAt(m.lossBand))}`,
      `${metricName} ${num(score)}${range(bandAt(m.metricBand))}`,
    ],
  };
}

/** The chart's accessible summary: what is plotted, how many runs and held out, where the chain goes, how far off it was. */
export function summaryText(m: TaskPlot, view: TaskView, metricTitle: string, t: TaskTranslate): string {
  const line = view === 'loss' ? m.lossLine : m.metricLine;
  const mre = meanRelativeError(m);
  return summary([
    t('taskSummary', { y: view === 'loss' ? t('loss') : metricTitle, x: view === 'step' ? t('loss') : t('quantityC'), n: m.runs.N.length, k: m.heldOut.length }),
    view !== 'step' && t('taskSummaryChain', { from: num(line[0].y), to: num(line[line.length - 1].y) }),
    Number.isFinite(mre) && t('taskSummaryBacktest', { value: percent(mre) }),
  ]);
}
