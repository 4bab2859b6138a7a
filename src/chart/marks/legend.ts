/**
 * A legend drawn in SVG (so it is part of every export): a swatch and a name
 * per item, flowing left to right and wrapping to new rows. Widths are
 * estimated from the text (nodes are detached, so nothing can be measured):
 * about 0.6 em per Latin character and 1 em per CJK character. A label too
 * long for a row wraps onto more lines (at most three, then it is cut with an
 * ellipsis and the full text stays in a <title>).
 * A label may be the author's or the data's (a law label): its bidi controls
 * are removed (../isolate.ts), and a cut one is isolated from its ellipsis.
 */

import { group, svgElement, textNode } from '../svg.js';
import { bidiSafe, isolate } from '../isolate.js';
import { textWidth, wrapText } from '../text-width.js';

export { fitText, MAX_LABEL_CHARS, textWidth } from '../text-width.js';

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

/** Sizes in px; a name longer than a row wraps onto at most `maxLines` lines, then is cut (its whole text in a <title>). */
export const LEGEND_DEFAULTS = { fontSize: 12, swatch: 18, gap: 6, spacing: 18, maxLines: 3 };

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
  const { swatch: size, gap, spacing, maxLines } = LEGEND_DEFAULTS;
  const fontSize = o.fontSize ?? LEGEND_DEFAULTS.fontSize;
  const rowHeight = Math.round(fontSize * 1.6), lineHeight = Math.round(fontSize * 1.25);
  const node = group('legend', { part: 'legend', transform: `translate(${o.x},${o.y})` });
  // Entries flow left to right; a row is as tall as its tallest (wrapped) entry.
  let cx = 0, rowTop = 0, rowExtra = 0;
  for (const item of items) {
    const full = bidiSafe(item.label);
    const { lines, cut } = wrapText(full, o.width - size - gap, fontSize, maxLines);
    // A cut label is joined with its ellipsis: the ellipsis stays outside the label's own direction.
    const shown = cut ? lines.map((l, k) => (k === lines.length - 1 ? `${isolate(l.slice(0, -1))}…` : isolate(l))) : lines;
    const w = size + gap + shown.reduce((most, l) => Math.max(most, textWidth(l.trimEnd(), fontSize)), 0);
    if (cx > 0 && cx + w > o.width) (cx = 0, rowTop += rowHeight + rowExtra, rowExtra = 0);
    const cy = rowTop + rowHeight / 2;
    const entry = group('legend-item', { transform: `translate(${cx},0)` });
    if (cut) {
      const title = svgElement('title');
      title.textContent = full;
      entry.append(title);
    }
    // One line is the text itself; wrapped lines are tspans, each back at the left and a line lower.
    const text = shown.length === 1 ? textNode(shown[0], { x: size + gap, y: cy, dy: '0.35em' }) : svgElement('text', { x: size + gap, y: cy });
    if (shown.length > 1) {
      shown.forEach((l, k) => {
        const span = svgElement('tspan', { x: size + gap, dy: k === 0 ? '0.35em' : `${lineHeight}` });
        span.textContent = l;
        text.append(span);
      });
    }
    entry.append(swatch(item, size, cy), text);
    node.append(entry);
    rowExtra = Math.max(rowExtra, (shown.length - 1) * lineHeight);
    cx += w + spacing;
  }
  return { node, height: items.length ? rowTop + rowHeight + rowExtra : 0 };
}
