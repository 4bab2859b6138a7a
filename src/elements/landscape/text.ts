/**
 * Everything <scaling-landscape> says in words, in the element's language:
 * the accessible summary (the law, and each model's predicted loss), tooltip
 * lines anywhere on the map and at a model, the hidden tables and the CSV/JSON
 * exports. Text only (never markup), so hostile model names stay text.
 */

import { max, min } from 'd3-array';
import { html, type TemplateResult } from 'lit';
import { formatLaw } from '../../core/law-text.js';
import { dataTable, summary } from '../../chart/a11y.js';
import { toCsv, toJson } from '../../chart/export.js';
import { formatValue } from '../../chart/ticks.js';
import { isolate } from '../../chart/isolate.js';
import type { LandscapeTranslate } from '../../i18n/index.js';
import { LANDSCAPE_DEFAULTS, type LandscapeModel, type PlacedModel } from './model.js';

const count = (x: number, digits = 3) => formatValue('count', x, digits);
const flops = (x: number, digits = 3) => formatValue('flops', x, digits);
/** Losses with three decimals: nearby models differ in the second. */
const loss = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

export class LandscapeText {
  constructor(private readonly m: LandscapeModel, private readonly t: LandscapeTranslate) {}

  /** "Chinchilla (70B, 1.4T) reaches 1.974"; the per-model compute too when the models' C differ. */
  private modelsSentence(): string | undefined {
    const { models } = this.m, t = this.t;
    if (models.length === 0) return undefined;
    const cs = models.map((p) => p.C);
    const together = max(cs)! / min(cs)! <= 1.5;
    const item = (p: PlacedModel) => t(together ? 'landModelAt' : 'landModelEach', { name: isolate(p.name), N: count(p.N), D: count(p.D), C: flops(p.C, 2), loss: loss(p.loss) });
    const list = models.map(item).join(', ');
    const mean = Math.exp(cs.reduce((s, c) => s + Math.log(c), 0) / cs.length);
    const best = models.reduce((a, b) => (b.loss < a.loss ? b : a));
    return [
      together ? t('landSummaryAt', { C: flops(mean, 2), list }) : t('landSummaryEach', { list }),
      models.length > 1 ? t('landSummaryBest', { name: isolate(best.name) }) : '',
    ].join(' ');
  }

  summary(): string {
    const m = this.m, t = this.t;
    return summary([
      t('landSummary', {
        n0: count(m.nRange[0]), n1: count(m.nRange[1]), d0: count(m.dRange[0]), d1: count(m.dRange[1]),
        law: isolate(m.label), formula: formatLaw(m.law, 4),
      }),
      this.modelsSentence(),
    ]);
  }

  /** N, D, C and the predicted loss at a point of the map. */
  pointLines(N: number, D: number): string[] {
    const C = LANDSCAPE_DEFAULTS.flopsPerToken * N * D;
    return [`N = ${count(N)}, D = ${count(D)}`, `C = ${flops(C)} ${this.t('unitFlops')}`, `${this.t('loss')} = ${loss(this.m.loss(N, D))}`];
  }

  /** A model's name, its point, and the compute-optimal split of the same compute. */
  modelLines(i: number): string[] {
    const p = this.m.models[i];
    if (!p) return [];
    const o = p.optimal;
    return [isolate(p.name), ...this.pointLines(p.N, p.D), ...(o ? [this.t('landTipOptimal', { N: count(o.N), D: count(o.D), loss: loss(o.loss) })] : [])];
  }

  /** Accessible name of model i: its lines joined. */
  modelLabel(i: number): string {
    return this.modelLines(i).join(', ');
  }

  tables(): TemplateResult {
    const m = this.m, t = this.t;
    const rows = m.models.map((p) => [p.name, count(p.N), count(p.D), flops(p.C), loss(p.loss)]);
    const frontier = m.frontierDecades.map((p) => [flops(p.C), count(p.N), count(p.D), loss(p.loss)]);
    return html`${dataTable(t('landTableModels', { n: m.models.length }), [t('landColModel'), t('axisN'), t('axisD'), t('axisC'), t('landLegendLoss')], rows)}
      ${dataTable(t('landTableFrontier'), [t('axisC'), 'N*', 'D*', t('landLegendLoss')], frontier)}`;
  }

  csv(): string {
    return toCsv(['name', 'N', 'D', 'C', 'loss', 'N_opt', 'D_opt', 'loss_opt'],
      this.m.models.map((p) => [p.name, p.N, p.D, p.C, p.loss, p.optimal?.N ?? null, p.optimal?.D ?? null, p.optimal?.loss ?? null]));
  }

  json(): string {
    const m = this.m;
    return toJson({
      law: m.law, label: m.label, nRange: m.nRange, dRange: m.dRange, flopsPerToken: LANDSCAPE_DEFAULTS.flopsPerToken,
      thresholds: m.thresholds, models: m.models.map(({ name, N, D, C, loss: L, optimal }) => ({ name, N, D, C, loss: L, optimal: optimal && { N: optimal.N, D: optimal.D, loss: optimal.loss } })),
    });
  }
}
