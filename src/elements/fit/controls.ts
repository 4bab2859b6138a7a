/**
 * The controls of <scaling-fit> as Lit templates, each labelled: the x-axis
 * choice, the fit/residual switch, the bootstrap button with its progress
 * bar and Cancel, the column pickers (when a header offers alternatives),
 * the progress of a slow fit, and the empty state where a reader pastes runs
 * or picks a file (read in the page; nothing is uploaded). The element owns
 * the state; these functions only draw it and report through callbacks.
 */

import { html, nothing, type TemplateResult } from 'lit';
import type { LossVariable } from '../../core/forms-eval.js';
import { ROLES, type ColumnMatch, type Role } from '../../core/columns.js';
import type { FitTranslate } from '../../i18n/index.js';
import type { BootstrapState, Progress } from './jobs.js';
import { bidiSafe } from '../../chart/isolate.js';
import type { RunsSourceController } from '../controllers/runs-source.js';
import { QUANTITY_WORD } from '../quantity-words.js';

let ids = 0;
/** A page-unique id for label/for pairs inside one shadow root. */
export const controlId = (name: string): string => `fit-${name}-${++ids}`;

export interface ToolbarState {
  x: LossVariable;
  residuals: boolean;
  canBootstrap: boolean;
  bootState: BootstrapState;
  bootProgress: Progress | undefined;
  resamples: number;
  zoomed: boolean;
  ids: { x: string; boot: string };
}

export interface ToolbarActions {
  setX(x: LossVariable): void;
  setResiduals(on: boolean): void;
  bootstrap(): void;
  cancel(): void;
  resetZoom(): void;
}

export function renderToolbar(s: ToolbarState, a: ToolbarActions, t: FitTranslate, exportMenu: TemplateResult): TemplateResult {
  const running = s.bootState === 'running';
  const p = s.bootProgress;
  return html`<div class="toolbar fit-toolbar" part="toolbar">
    <span class="field">
      <label for=${s.ids.x}>${t('fitXLabel')}</label>
      <select id=${s.ids.x} part="x-select" @change=${(e: Event) => a.setX((e.target as HTMLSelectElement).value as LossVariable)}>
        ${(['C', 'N', 'D'] as const).map((v) => html`<option value=${v} ?selected=${v === s.x}>${t(QUANTITY_WORD[v])}</option>`)}
      </select>
    </span>
    <span class="segmented" role="group" aria-label=${t('fitViewLabel')} part="view">
      <button type="button" aria-pressed=${String(!s.residuals)} @click=${() => a.setResiduals(false)}>${t('fitViewFit')}</button>
      <button type="button" aria-pressed=${String(s.residuals)} @click=${() => a.setResiduals(true)}>${t('fitViewResiduals')}</button>
    </span>
    ${s.zoomed ? html`<button type="button" part="reset-zoom" @click=${a.resetZoom}>${t('resetZoom')}</button>` : nothing}
    <span class="spacer"></span>
    ${s.canBootstrap && !running ? html`<button type="button" class="boot" part="bootstrap-button" @click=${a.bootstrap}
      title=${t('fitBootstrapHint', { n: s.resamples })}>${t('fitBootstrap')}</button>` : nothing}
    ${running ? html`<span class="boot-progress" part="bootstrap-progress">
        <label for=${s.ids.boot}>${t('fitBootstrapProgress', { done: p?.done ?? 0, total: p?.total ?? s.resamples })}</label>
        <progress id=${s.ids.boot} max=${p?.total ?? s.resamples} .value=${p?.done ?? 0}></progress>
        <button type="button" part="bootstrap-cancel" @click=${a.cancel}>${t('fitBootstrapCancel')}</button>
      </span>` : nothing}
    ${exportMenu}
  </div>`;
}

/** The progress of a slow fit (shown only after ~200 ms). */
export function renderFitProgress(progress: Progress | undefined, runs: number, id: string, t: FitTranslate): TemplateResult | typeof nothing {
  if (!progress) return nothing;
  return html`<div class="fit-progress" part="fit-progress" role="status">
    <label for=${id}>${t('fitFitting', { n: runs })}</label>
    ${progress.total > 0 ? html`<progress id=${id} max=${progress.total} .value=${progress.done}></progress>` : html`<progress id=${id}></progress>`}
  </div>`;
}

const ROLE_NAME: Record<Role, 'quantityN' | 'quantityD' | 'fitRoleC' | 'loss'> = { N: 'quantityN', D: 'quantityD', C: 'fitRoleC', loss: 'loss' };

/** A <select> per quantity whose column has alternatives in the header. */
export function renderColumnPickers(match: ColumnMatch | undefined, pick: (role: Role, name: string) => void, t: FitTranslate, idPrefix: string): TemplateResult | typeof nothing {
  if (!match) return nothing;
  const roles = ROLES.filter((r) => match.alternatives[r].length > 0);
  if (roles.length === 0) return nothing;
  return html`<fieldset class="columns" part="columns">
    <legend>${t('fitColumnsLegend')}</legend>
    ${roles.map((r) => {
      const options = [...(match[r] ? [match[r]!] : []), ...match.alternatives[r]];
      const id = `${idPrefix}-${r}`;
      return html`<span class="field"><label for=${id}>${t('fitColumnFor', { role: t(ROLE_NAME[r]) })}</label>
        <select id=${id} data-role=${r} @change=${(e: Event) => pick(r, (e.target as HTMLSelectElement).value)}>
          ${options.map((name) => html`<option .value=${name} ?selected=${name === match[r]}>${bidiSafe(name)}</option>`)}
        </select></span>`;
    })}
  </fieldset>`;
}

export interface InputActions {
  paste(text: string): void;
  file(file: File): void;
}

/** The empty state: paste runs or choose/drop a file. */
/**
 * The paste / file form. `text` is what the reader pasted last, kept in the box
 * after an error and after a fit; `invalid` marks it while it does not read. A
 * dropped file is read by the host's RunsSourceController (anywhere on the
 * element); the form only shows where to drop.
 */
export function renderDataInput(a: InputActions, t: FitTranslate, ids: { text: string; file: string }, showTitle: boolean, text = '', invalid = false): TemplateResult {
  const submit = (e: Event) => {
    e.preventDefault();
    const area = (e.currentTarget as HTMLFormElement).querySelector('textarea');
    a.paste(area?.value ?? '');
  };
  const chosen = (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) a.file(file);
  };
  const over = (e: DragEvent) => { e.preventDefault(); (e.currentTarget as HTMLElement).classList.add('dragging'); };
  const leave = (e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('dragging');
  const drop = (e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('dragging');
  return html`<form class="data-input" part="data-input" @submit=${submit} @dragover=${over} @dragleave=${leave} @drop=${drop}>
    ${showTitle ? html`<p class="empty-title"><strong>${t('fitEmptyTitle')}</strong></p>` : nothing}
    <p class="hint">${t('fitEmptyHint')}</p>
    <label for=${ids.text}>${t('fitPasteLabel')}</label>
    <textarea id=${ids.text} part="paste" rows="5" spellcheck="false" placeholder="N,D,loss&#10;70e6,1.4e9,3.92&#10;…"
      .value=${text} aria-invalid=${invalid ? 'true' : 'false'}></textarea>
    <div class="input-row">
      <button type="submit" part="paste-button">${t('fitPasteButton')}</button>
      <span class="file"><label for=${ids.file}>${t('fitFileLabel')}</label>
        <input id=${ids.file} type="file" part="file" accept=".csv,.tsv,.json,.txt,text/csv,application/json,text/plain" @change=${chosen}></span>
      <span class="hint">${t('fitDropHint')}</span>
    </div>
  </form>`;
}

/**
 * The reader's own data, for an element the author gave none: the paste / file
 * form (with a title while nothing is drawn), or, once runs are drawn, the same
 * form under "Use other data", open while the last text does not read. The box
 * keeps the reader's text; the source selects the line an error names.
 */
export function renderSourceInput(source: RunsSourceController, t: FitTranslate, ids: { text: string; file: string }): TemplateResult | typeof nothing {
  if (!source.authorless) return nothing;
  const invalid = !!source.userError || (source.kind === 'paste' && !!source.error);
  const form = (title: boolean) => renderDataInput({
    paste: (text) => source.setUserText(text),
    file: (file) => void source.setUserFile(file),
  }, t, ids, title, source.userText, invalid);
  return source.runs
    ? html`<details class="other-data" ?open=${!!source.userError}><summary>${t('fitOtherData')}</summary>${form(false)}</details>`
    : form(!source.kind);
}

/** While the reader's last text does not read: what is wrong, and that the chart still shows the data before it (part="stale"). */
export function renderStale(source: RunsSourceController, t: FitTranslate): TemplateResult | typeof nothing {
  const error = source.userError;
  return error ? html`<p class="warning stale-note" part="stale" role="alert">${t('fitStaleData', { detail: error })}</p>` : nothing;
}
