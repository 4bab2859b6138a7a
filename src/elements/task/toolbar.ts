/**
 * <scaling-task>'s controls and visible tables: the toolbar (the view
 * switch, the chained-intervals button or its progress, the export menu) and
 * the backtest table of held-out runs, measured beside predicted.
 */

import { html, nothing, type TemplateResult } from 'lit';
import { bidiSafe } from '../../chart/isolate.js';
import type { TaskTranslate } from '../../i18n/index.js';
import type { BootstrapState, Progress } from '../fit/jobs.js';
import { meanRelativeError, TASK_VIEWS, type TaskPlot, type TaskView } from './model.js';
import { heldOutRows } from './text.js';

export interface TaskToolbarState {
  view: TaskView;
  bootState: BootstrapState;
  bootProgress: Progress | undefined;
  resamples: number;
  bootId: string;
}

export interface TaskToolbarActions {
  setView(view: TaskView): void;
  bootstrap(): void;
  cancel(): void;
}

const VIEW_NAME = { metric: 'taskViewMetric', loss: 'taskViewLoss', step: 'taskViewStep' } as const;

export function renderToolbar(s: TaskToolbarState, a: TaskToolbarActions, t: TaskTranslate, exportMenu: TemplateResult): TemplateResult {
  const running = s.bootState === 'running', p = s.bootProgress;
  return html`<div class="toolbar fit-toolbar" part="toolbar">
    <span class="segmented" role="group" aria-label=${t('taskViewLabel')} part="view">
      ${TASK_VIEWS.map((v) => html`<button type="button" data-view=${v} aria-pressed=${String(v === s.view)} @click=${() => a.setView(v)}>${t(VIEW_NAME[v])}</button>`)}
    </span>
    <span class="spacer"></span>
    ${!running && s.bootState !== 'done' ? html`<button type="button" class="boot" part="bootstrap-button" @click=${a.bootstrap}
      title=${t('taskIntervalsHint', { n: s.resamples })}>${t('taskIntervals')}</button>` : nothing}
    ${running ? html`<span class="boot-progress" part="bootstrap-progress">
        <label for=${s.bootId}>${t('taskIntervalsProgress', { done: p?.done ?? 0, total: p?.total ?? 2 * s.resamples })}</label>
        <progress id=${s.bootId} max=${p?.total ?? 2 * s.resamples} .value=${p?.done ?? 0}></progress>
        <button type="button" part="bootstrap-cancel" @click=${a.cancel}>${t('fitBootstrapCancel')}</button>
      </span>` : nothing}
    ${exportMenu}
  </div>`;
}

/** The held-out runs, measured beside predicted from N and D alone, with the mean error (part="backtest"); nothing with none held out. */
export function renderBacktest(m: TaskPlot, metricName: string, t: TaskTranslate): TemplateResult | typeof nothing {
  if (m.heldOut.length === 0) return nothing;
  const name = bidiSafe(metricName);
  const columns = [t('fitRow'), 'N', 'D', t('taskColMeasured', { what: t('loss') }), t('taskColPredicted', { what: t('loss') }),
    t('taskColMeasured', { what: name }), t('taskColPredicted', { what: name }), t('taskColRelError')];
  // A box that may scroll sideways is focusable and named, so a keyboard can scroll it.
  return html`<div class="numbers backtest-wrap scroll-x" tabindex="0" role="region" aria-label=${t('taskBacktestCaption')}><table class="backtest" part="backtest">
    <caption>${t('taskBacktestCaption')}</caption>
    <thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
    <tbody>${heldOutRows(m).map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}</tr>`)}</tbody>
    <tfoot><tr><td colspan=${columns.length}>${t('taskBacktestSummary', { value: `${(100 * meanRelativeError(m)).toFixed(1)}%` })}</td></tr></tfoot>
  </table></div>`;
}
