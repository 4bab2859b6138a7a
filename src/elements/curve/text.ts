/**
 * <scaling-curve>'s words: the chart's accessible summary (what is plotted,
 * how the other variable is held, each law) and a run's tooltip lines.
 */

import { summary } from '../../chart/a11y.js';
import { isolate } from '../../chart/isolate.js';
import type { Hold } from '../../chart/sample.js';
import { formatValue, quantityOf } from '../../chart/ticks.js';
import { formatLaw } from '../../core/law-text.js';
import type { CurveTranslate } from '../../i18n/index.js';
import type { CurveModel } from './model.js';

const QUANTITY = { N: 'quantityN', D: 'quantityD', C: 'quantityC' } as const;

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
      x: t(QUANTITY[m.x]), from: formatValue(q, m.view[0], 3), to: formatValue(q, m.view[1], 3), hold: holds,
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
