/**
 * The status lines of <scaling-fit>, above its chart: the `src` being
 * loaded, a fit that did not converge and the parameters it left at a bound,
 * and how the bootstrap ended (done, with what it says about its intervals;
 * cancelled; failed, in an error box). Separate from the element because it
 * is one question — what is the work doing, in words — asked of the data
 * source and the jobs, apart from drawing and tables.
 */

import { html, nothing } from 'lit';
import { isolate } from '../../chart/isolate.js';
import type { FitTranslate, Lang } from '../../i18n/index.js';
import { describeError } from '../../i18n/errors.js';
import { describeStatus } from '../../i18n/status.js';
import type { RunsSourceController } from '../controllers/runs-source.js';
import type { FitJobs } from './jobs.js';
import { renderDiagnostics, renderNotices } from './params.js';

/** The status lines; `renderError` is the element's error box, used for a failed bootstrap. */
export function renderStatus(source: RunsSourceController, jobs: FitJobs, t: FitTranslate, lang: Lang, renderError: (message: string) => unknown): unknown {
  const j = jobs, result = j.result;
  const lines = [
    source.loading && source.kind === 'src' && html`<p class="status-line" role="status">${t('fitLoading', { url: source.sourceText })}</p>`,
    result && !result.converged && html`<p class="warning" part="warning" role="alert">${t('fitNotConvergedNotice', { reason: describeStatus(result.status, lang) })}</p>`,
    result && renderNotices(result, t),
    j.bootState === 'done' && j.intervals && html`<p class="status-line" role="status">${t('fitBootstrapDone', { n: j.intervals.resamples - j.intervals.failed, level: Math.round(j.intervals.level * 100) })}</p>`,
    j.bootState === 'done' && j.intervals && renderDiagnostics({ form: j.intervals.form, diagnostics: j.intervals.diagnostics, converged: true }, t, lang, 'bootstrap'),
    j.bootState === 'cancelled' && html`<p class="status-line" role="status">${t('fitBootstrapCancelled')}</p>`,
  ];
  return html`${lines.filter(Boolean)}${j.bootState === 'failed' ? renderError(t('fitErrBootstrap', { detail: isolate(describeError(j.bootError, lang)) })) : nothing}`;
}
