/**
 * A legend drawn in SVG (so it is part of every export): a swatch and a name
 * per item, flowing left to right and wrapping to new rows. Widths are
 * estimated from the text (nodes are detached, so nothing can be measured):
 * about 0.6 em per Latin character and 1 em per CJK character. A label too
 * long for a row is cut with an ellipsis; the full text stays in a <title>.
 * A label may be the author's or the data's (a law label): its bidi controls
 * are removed (../isolate.ts), and a cut one is isolated from its ellipsis.
 */

import { group, svgElement, textNode } from '../svg.js';
import { bidiSafe, isolate } from '../isolate.js';

export interface LegendItem {
  label: string;
  /** Colour class shared with the mark (`series-0`, `size-2`, …). */
  className: string;
  /** 'sizes': lines drawn in the model-size colours (one item for a family of curves coloured by size). */
  symbol: 'line' | 'point' | 'band' | 'sizes';
}

export interface LegendOptions {
  x: number;
  y: number;
  /** Width available for a row. */
  width: number;
  fontSize?: number;
}

export interface Legend {
  node: SVGGElement;
  /** Height of all rows together. */
  height: number;
}

export const LEGEND_DEFAULTS = { fontSize: 12, swatch: 18, gap: 6, spacing: 18 };

/** Estimated width of `text` at `fontSize` pixels (bidi marks, embeddings and isolates take none). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(ch) ? 0 : 0.6;
  return em * fontSize;
}

/** Labels longer than this many characters are cut before measuring (more never fit a chart ≤ 4000 px wide). */
export const MAX_LABEL_CHARS = 400;

/**
 * `text` cut (with …) to fit `width` pixels at `fontSize`: the longest prefix
 * that fits with its ellipsis, at least one character. The prefix is found by
 * binary search on its length, O(log n) measurements (a 30,000-character law
 * label took 17 s when this removed one character at a time and re-measured),
 * over at most MAX_LABEL_CHARS characters, and no more than can fit at 0.6 em
 * (the narrowest) each.
 */
export function fitText(text: string, width: number, fontSize: number): string {
  // No more than `most` characters can fit: each is at least 0.6 em wide.
  const most = Math.max(1, Math.min(MAX_LABEL_CHARS, Math.floor(width / (0.6 * fontSize))));
  // 2·most + 2 UTF-16 units hold at least most + 1 whole code points: enough to know the text is too long.
  const head = text.length > 2 * most + 2 ? text.slice(0, 2 * most + 2) : text;
  const chars = Array.from(head);
  if (head === text && chars.length <= most && textWidth(text, fontSize) <= width) return text;
  const prefix = (n: number) => chars.slice(0, n).join('');
  let lo = 1, hi = Math.min(chars.length, most);
  // Invariant: prefix(lo)+'…' fits (or lo = 1); prefix(k)+'…' does not fit for any k > hi.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${prefix(mid)}…`, fontSize) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${prefix(lo).trimEnd()}…`;
}

function swatch(item: LegendItem, size: number, y: number): SVGElement {
  if (item.symbol === 'point') return svgElement('circle', { class: `point ${item.className}`, cx: size / 2, cy: y, r: 4 });
  if (item.symbol === 'band') return svgElement('rect', { class: `interval ${item.className}`, x: 0, y: y - 5, width: size, height: 10 });
  if (item.symbol === 'sizes') {
    const g = group('swatch-sizes');
    [0, 2, 5].forEach((k, i) => g.append(svgElement('line', { class: `curve fitted size-${k}`, x1: 0, x2: size, y1: y - 4 + 4 * i, y2: y - 4 + 4 * i })));
    return g;
  }
  return svgElement('line', { class: `curve ${item.className}`, x1: 0, x2: size, y1: y, y2: y });
}

export function legend(items: readonly LegendItem[], o: LegendOptions): Legend {
  const { swatch: size, gap, spacing } = LEGEND_DEFAULTS;
  const fontSize = o.fontSize ?? LEGEND_DEFAULTS.fontSize;
  const rowHeight = Math.round(fontSize * 1.6);
  const node = group('legend', { part: 'legend', transform: `translate(${o.x},${o.y})` });
  let cx = 0, row = 0;
  for (const item of items) {
    const full = bidiSafe(item.label);
    const cut = fitText(full, o.width - size - gap, fontSize);
    // A cut label is joined with its ellipsis: the ellipsis stays outside the label's own direction.
    const label = cut === full ? full : `${isolate(cut.slice(0, -1))}…`;
    const w = size + gap + textWidth(label, fontSize);
    if (cx > 0 && cx + w > o.width) (cx = 0, row += 1);
    const cy = row * rowHeight + rowHeight / 2;
    const entry = group('legend-item', { transform: `translate(${cx},0)` });
    if (cut !== full) {
      const title = svgElement('title');
      title.textContent = full;
      entry.append(title);
    }
    entry.append(swatch(item, size, cy), textNode(label, { x: size + gap, y: cy, dy: '0.35em' }));
    node.append(entry);
    cx += w + spacing;
  }
  return { node, height: items.length ? (row + 1) * rowHeight : 0 };
}
