/**
 * Accessibility helpers: the one-paragraph summary that labels a chart
 * (`role="img"` + aria-label) and a visually hidden data table with the
 * numbers behind it. Everything is rendered as text through Lit bindings, so
 * hostile names in data show as text (and without their bidi controls, isolate.ts).
 */

import { html, nothing, type TemplateResult } from 'lit';
import { bidiSafe } from './isolate.js';

/** Sentences joined into one paragraph; empty parts dropped, whitespace collapsed. */
export const summary = (parts: readonly (string | undefined | false)[]): string =>
  parts.filter((p): p is string => !!p && p.trim() !== '').join(' ').replace(/\s+/g, ' ').trim();

export type TableCell = string | number;

/**
 * A data table inside a `<div class="visually-hidden">` (a table ignores a
 * 1 px width, so the wrapper is what hides it): read by screen readers,
 * invisible on screen. The first cell of each row is a row header.
 */
export function dataTable(caption: string, columns: readonly string[], rows: readonly (readonly TableCell[])[], part = 'table'): TemplateResult | typeof nothing {
  if (rows.length === 0) return nothing;
  // Column names and cells may be the data's own text: each is a cell of its own, so removing its bidi controls is enough (isolate.ts).
  const cell = (c: TableCell) => (typeof c === 'string' ? bidiSafe(c) : c);
  return html`<div class="visually-hidden"><table part=${part}>
    <caption>${caption}</caption>
    <thead><tr>${columns.map((c) => html`<th scope="col">${cell(c)}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${cell(c)}</th>` : html`<td>${cell(c)}</td>`))}</tr>`)}</tbody>
  </table></div>`;
}
