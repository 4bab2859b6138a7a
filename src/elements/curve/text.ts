/**
 * <scaling-curve>'s words: the chart's accessible summary (what is plotted,
 * how the other variable is held, each law), a run's tooltip lines and the
 * cursor's readout.
 */

import { summary } from '../../chart/a11y.js';
import { isolate } from '../../chart/isolate.js';
import { sampleAt, type Hold, type Sample } from '../../chart/sample.js';
import { formatValue, quantityOf } from '../../chart/ticks.js';
import { formatLaw } from '../../core/law-text.js';
import type { CurveTranslate } from '../../i18n/index.js';
import type { CurveModel } from './model.js';
import { QUANTITY_WORD } from '../quantity-words.js';

function holdText(h: Hold, t: CurveTranslate): string {
  switch (h.kind) {
    case 'ratio': return t('holdRatio', { r: h.tokensPerParam });
    case 'fixed-D': return t('holdFixedD', { D: formatValue('count', h.D, 4) });
    case 'fixed-N': return t('holdFixedN', { N: formatValue('count', h.N, 4) });
    case 'optimal': return t('holdOptimal');
    case 'none': return t('holdNone');
  }
}

/** The accessible summary: what the chart shows and each law. */
export function describeCurve(m: CurveModel, t: CurveTranslate): string {
  const q = quantityOf(m.x);
  const holds = [...new Set(m.series.map((s) => holdText(s.hold, t)))].join('; ');
  return summary([
    t('summaryCurve', {
      x: t(QUANTITY_WORD[m.x]), from: formatValue(q, m.view[0], 3), to: formatValue(q, m.view[1], 3), hold: holds,
      laws: m.series.map((s) => t('summaryLaw', { label: isolate(s.label), law: formatLaw(s.law, 4) })).join(' '),
    }),
    m.runs && t('summaryRuns', { n: m.runs.N.length }),
  ]);
}

/** Run i as text lines: N and D, C, loss. */
export function runText(m: CurveModel, i: number, t: CurveTranslate): string[] {
  const r = m.runs;
  if (!r) return [];
  return [
    `N = ${formatValue('count', r.N[i])}, D = ${formatValue('count', r.D[i])}`,
    `C = ${formatValue('flops', r.C[i])} ${t('unitFlops')}`,
    `${t('loss')} = ${formatValue('decimal', r.loss[i])}`,
  ];
}

/**
 * Every law's loss at x = `value`: dots for the cursor and the tooltip's lines (the other variables once
 * when all laws hold them alike, per law when each is compute-optimal), then `multiplier`'s line if given.
 */
export function cursorReadout(m: CurveModel, value: number, t: CurveTranslate, multiplier?: string): { dots: { y: number; className: string }[]; lines: string[] } {
  const samples: (Sample | undefined)[] = m.series.map((s) => {
    try { return sampleAt(s.law, m.x, value, s.hold, { U: m.U }); } catch { return undefined; }
  });
  const kinds = new Set(m.series.map((s) => s.hold.kind));
  const shared = kinds.size === 1 && !kinds.has('optimal') && !kinds.has('none');
  const first = samples.find((s) => s);
  const others = (s: Sample) => (['N', 'D', 'C'] as const).filter((v) => v !== m.x && Number.isFinite(s[v])).map((v) => `${v} = ${formatValue(quantityOf(v), s[v])}`);
  const head = [`${m.x} = ${formatValue(quantityOf(m.x), value)}`, ...(shared && first ? others(first) : [])].join(', ');
  const lines = m.series.map((s, i) => {
    const p = samples[i];
    const loss = p && Number.isFinite(p.y) ? formatValue('decimal', p.y) : '—';
    return `${isolate(s.label)}: ${t('loss')} ${loss}${p && s.hold.kind === 'optimal' ? ` (${others(p).join(', ')})` : ''}`;
  });
  return { dots: samples.map((p, i) => ({ y: p?.y ?? NaN, className: m.series[i].className })), lines: [head, ...lines, ...(multiplier ? [multiplier] : [])] };
}
