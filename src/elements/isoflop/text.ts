/**
 * Everything <scaling-isoflop> says in words about its model, in the
 * element's language: budget labels with the reason a budget was rejected,
 * the allocation law with its interval, tooltip lines, the accessible
 * summary, the hidden tables and the CSV/JSON exports. Pure given the model
 * and a translator; text only (never markup), so hostile data stays text.
 */

import type { TemplateResult } from 'lit';
import { html } from 'lit';
import type { IsoflopBudget } from '../../core/isoflop.js';
import { sig } from '../../core/law-text.js';
import { A11Y_LIMITS, dataTable, firstRows, grouped, summary } from '../../chart/a11y.js';
import { toCsv, toJson } from '../../chart/export.js';
import { formatValue } from '../../chart/ticks.js';
import type { IsoflopTranslate } from '../../i18n/index.js';
import type { IsoflopModel } from './model.js';

const flops = (C: number) => formatValue('flops', C, 3);
const count = (x: number) => formatValue('count', x, 3);
const loss = (x: number) => formatValue('decimal', x, 4);

export class IsoflopText {
  constructor(private readonly m: IsoflopModel, private readonly t: IsoflopTranslate) {}

  /** Why a budget was rejected, in plain words ("curvature not positive"). */
  reason(b: IsoflopBudget): string {
    const t = this.t, min = this.m.result.options.minPoints;
    switch (b.reason) {
      case 'too-few-points': return b.points < min ? t('isoReasonFewPoints', { n: b.points, min }) : t('isoReasonFewSizes');
      case 'not-convex': return t('isoReasonNotConvex');
      case 'vertex-outside': return t('isoReasonOutside');
      default: return '';
    }
  }

  /** "6×10¹⁸ FLOPs", or "3×10²¹ FLOPs — rejected: curvature not positive". */
  budgetLabel(i: number): string {
    const b = this.m.budgets[i].budget;
    return b.accepted ? this.t('isoLegendBudget', { C: flops(b.C) }) : this.t('isoRejected', { C: flops(b.C), reason: this.reason(b) });
  }

  /** ["N* = 0.5568·C^0.4632", "95% CI of the exponent: 0.4213–0.5052"]. */
  lawLines(): [string, string] {
    const f = this.m.result.N, level = Math.round(f.level * 100);
    const ci = Number.isFinite(f.lo) ? this.t('isoLawCi', { level, lo: sig(f.lo, 4), hi: sig(f.hi, 4) }) : this.t('isoLawCiNone');
    return [this.t('isoLaw', { k: sig(f.k, 4), a: sig(f.a, 4) }), ci];
  }

  /** Tooltip lines of run i, or of budget j's optimum when i = runs + j. */
  pointLines(i: number): string[] {
    const { runs, budgets, budgetOf } = this.m, t = this.t;
    if (i >= runs.N.length) {
      const b = budgets[i - runs.N.length].budget;
      return [t('isoOptimumAt', { C: flops(b.C) }), `N* = ${count(b.N)}, D* = ${count(b.D)}`, `${t('loss')} = ${loss(b.loss)}`];
    }
    const j = budgetOf[i];
    return [
      j >= 0 ? this.budgetLabel(j) : t('isoUnassigned'),
      `N = ${count(runs.N[i])}, D = ${count(runs.D[i])}`,
      `${t('loss')} = ${loss(runs.loss[i])}`,
    ];
  }

  /** The accessible summary: budgets, how many accepted, the exponent and its interval, the rejections. */
  summary(): string {
    const { result, budgets } = this.m, t = this.t, f = result.N;
    const rejected = budgets.filter((b) => !b.budget.accepted).map((b) => this.budgetLabel(b.index));
    return summary([
      t('isoSummary', { n: budgets.length, accepted: result.accepted, a: sig(f.a, 3), b: sig(result.D.b, 3) }),
      this.lawLines().join('; ') + '.',
      rejected.length > 0 && t('isoSummaryRejected', { list: rejected.join('; ') }),
    ]);
  }

  tables(): TemplateResult {
    const { runs, budgets, budgetOf } = this.m, t = this.t;
    const status = (b: IsoflopBudget) => (b.accepted ? t('isoAccepted') : `${t('isoRejectedWord')}: ${this.reason(b)}`);
    const rows = budgets.map(({ budget: b }) => [flops(b.C), b.points, status(b), b.accepted ? count(b.N) : '—', b.accepted ? count(b.D) : '—', b.accepted ? loss(b.loss) : '—']);
    // At most A11Y_LIMITS.tableRows runs (laying out 10,000 took seconds), then a row saying how many there are.
    const n = runs.N.length, shown = Math.min(n, A11Y_LIMITS.tableRows);
    const runRows = firstRows(n, (i) => [count(runs.N[i]), count(runs.D[i]), budgetOf[i] >= 0 ? flops(budgets[budgetOf[i]].budget.C) : '—', loss(runs.loss[i])]);
    return html`${dataTable(t('isoTableBudgets', { n: budgets.length }), [t('isoColBudget'), t('isoColRuns'), t('isoColStatus'), 'N*', 'D*', t('isoColLoss')], rows)}
      ${dataTable(t('tableRunsCaption', { n }), [runs.columns.N, runs.columns.D ?? 'D', t('isoColBudget'), runs.columns.loss], runRows, 'table', shown < n ? t('tableCapped', { shown: grouped(shown), n: grouped(n) }) : undefined)}`;
  }

  /** One row per budget: its C, runs, status and, when accepted, the optimum. */
  csv(): string {
    const num = (x: number) => (Number.isFinite(x) ? x : null);
    return toCsv(['C', 'runs', 'accepted', 'reason', 'N_opt', 'D_opt', 'loss_opt', 'N_min', 'N_max', 'p', 'q', 'r'],
      this.m.budgets.map(({ budget: b }) => [b.C, b.points, b.accepted ? 'true' : 'false', b.reason ?? '', num(b.N), num(b.D), num(b.loss), b.Nmin, b.Nmax,
        b.coefficients?.p ?? null, b.coefficients?.q ?? null, b.coefficients?.r ?? null]));
  }

  /** The whole analysis: options, both allocation laws, every budget (rows as arrays). */
  json(): string {
    const r = this.m.result;
    const num = (x: number) => (Number.isFinite(x) ? x : null);
    return toJson({
      options: r.options, accepted: r.accepted, N: r.N, D: r.D, unassignedRows: Array.from(r.unassigned),
      budgets: r.budgets.map((b) => ({ ...b, rows: Array.from(b.rows), N: num(b.N), D: num(b.D), loss: num(b.loss), curvature: num(b.curvature) })),
    });
  }
}
