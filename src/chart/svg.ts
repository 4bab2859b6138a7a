/**
 * Making detached SVG nodes. Marks build their `<g>` with these and return
 * it; nothing here touches the page (the nodes belong to `document` but are
 * attached by whoever assembles the chart).
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';

export type Attrs = Record<string, string | number | null | undefined>;

/** Sets each attribute whose value is not null/undefined; numbers are rounded to 0.01 for tidy SVG. */
export function setAttrs(node: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    node.setAttribute(k, typeof v === 'number' ? String(round2(v)) : v);
  }
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** A detached SVG element with attributes. */
export function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  return node;
}

/** A detached `<g class="…">`, the unit every mark returns. */
export const group = (className: string, attrs: Attrs = {}): SVGGElement => svgElement('g', { class: className, ...attrs });

/** A `<text>` node whose content is set as text (never parsed as markup). */
export function textNode(content: string, attrs: Attrs = {}): SVGTextElement {
  const node = svgElement('text', attrs);
  node.textContent = content;
  return node;
}

let counter = 0;
/** An id unique within this page (clip paths, labels); stable prefix for tests. */
export const uniqueId = (prefix: string): string => `${prefix}-${++counter}`;
