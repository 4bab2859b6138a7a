/**
 * Accessibility helpers: the one-paragraph summary that labels a chart
 * (an aria-label on a `role="img"` chart, or on a group when it holds focusable marks) and a visually hidden data table with the
 * numbers behind it. Everything is rendered as text through Lit bindings, so
 * hostile names in data show as text (and without their bidi controls, isolate.ts).
 */

import { html, nothing, type TemplateResult } from 'lit';
import { bidiSafe } from './isolate.js';
import { labelMark } from './marks/points.js';

/** Sentences joined into one paragraph; empty parts dropped, whitespace collapsed. */
export const summary = (parts: readonly (string | undefined | false)[]): string =>
  parts.filter((p): p is string => !!p && p.trim() !== '').join(' ').replace(/\s+/g, ' ').trim();

export type TableCell = string | number;

/**
 * Caps that keep a large data set from freezing the page: laying
 * out a hidden table of 10,000 runs took 2.5–4.5 s in one task, and 10,000
 * focusable, aria-labelled point marks another 1–2 s. A hidden table shows at
 * most `tableRows` rows (the first, in the table's order) and then a row
 * saying how many there are; only the first `focusableMarks` point marks get
 * a tabindex and an aria-label, the rest are drawn plain and aria-hidden.
 * The CSV export still holds every run.
 */
export const A11Y_LIMITS = { tableRows: 1000, focusableMarks: 500 };

/** A count in the cap messages: 10,000 (grouped the same way in both languages). */
export const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The first `min(total, limit)` rows, row(i) for i = 0, 1, …: rows beyond the cap are never built. */
export const firstRows = (total: number, row: (i: number) => readonly TableCell[], limit = A11Y_LIMITS.tableRows): (readonly TableCell[])[] =>
  Array.from({ length: Math.max(0, Math.min(total, limit)) }, (_, i) => row(i));

/**
 * Gives the first `limit` circles of a points group (chart/marks/points.ts,
 * drawn without `label`) a roving tabindex, `role="img"` and the aria-label
 * `label(i)`, i being the circle's `data-index` (marks/points.ts `labelMark`);
 * the others stay plain and aria-hidden, and the group becomes a
 * `role="group"` labelled `groupLabel`. With at most `limit` circles this is
 * what `points(…, { label })` does.
 */
export function focusFirstMarks(g: SVGGElement, label: (i: number) => string, groupLabel: string, limit = A11Y_LIMITS.focusableMarks): void {
  const circles = g.querySelectorAll('circle');
  circles.forEach((c, k) => {
    if (k < limit) labelMark(c, label(Number(c.getAttribute('data-index'))), k === 0);
    else c.setAttribute('aria-hidden', 'true');
  });
  // Said as a group outright (a named <g> only maps to one by the SVG accessibility mapping), so the count is announced on entering it.
  if (circles.length > limit) {
    g.setAttribute('role', 'group');
    g.setAttribute('aria-label', groupLabel);
  }
}

/**
 * A data table inside a `<div class="visually-hidden">` (a table ignores a
 * 1 px width, so the wrapper is what hides it): read by screen readers,
 * invisible on screen. The first cell of each row is a row header. `more`,
 * when given (rows were cut at A11Y_LIMITS.tableRows), is a last row
 * spanning every column that says so ("First 1,000 of 10,000 runs; …").
 */
export function dataTable(caption: string, columns: readonly string[], rows: readonly (readonly TableCell[])[], part = 'table', more?: string): TemplateResult | typeof nothing {
  if (rows.length === 0) return nothing;
  // Column names and cells may be the data's own text: each is a cell of its own, so removing its bidi controls is enough (isolate.ts).
  const cell = (c: TableCell) => (typeof c === 'string' ? bidiSafe(c) : c);
  return html`<div class="visually-hidden"><table part=${part}>
    <caption>${caption}</caption>
    <thead><tr>${columns.map((c) => html`<th scope="col">${cell(c)}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${cell(c)}</th>` : html`<td>${cell(c)}</td>`))}</tr>`)}${more ? html`<tr class="more"><td colspan=${columns.length}>${more}</td></tr>` : nothing}</tbody>
  </table></div>`;
}
