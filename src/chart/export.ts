/**
 * Getting a chart out of the page: a standalone SVG (computed colours and
 * fonts inlined as presentation attributes, so it looks the same without the
 * element's CSS), a PNG drawn from that SVG through an Image and a canvas
 * (no network, works offline), CSV (RFC 4180 quoting), JSON,
 * and a download helper. Laws as code are in law-python.ts and law-latex.ts.
 */

import { svgElement } from './svg.js';

/** Computed properties copied onto shapes and text. */
const SHAPE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'opacity'];
const TEXT_PROPS = ['fill', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'opacity'];
const SHAPES = new Set(['path', 'line', 'circle', 'rect', 'ellipse', 'polyline', 'polygon']);

export interface SvgExportOptions {
  /** Background colour painted under everything; default: the first opaque background up the tree. */
  background?: string;
  /** Nodes matching this selector are left out (interaction helpers). Default '.cursor, .plot-area'. */
  exclude?: string;
}

export const SVG_EXPORT_DEFAULTS = { exclude: '.cursor, .plot-area' };

/** The first non-transparent background colour at or above `node`, through shadow hosts; white if none. */
export function effectiveBackground(node: Element): string {
  let el: Element | null = node;
  while (el) {
    const bg = getComputedStyle(el).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
    const parent: Element | null = el.parentElement;
    const root = el.getRootNode();
    el = parent ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return '#ffffff';
}

/** Copies the computed look of `src` onto its clone `dst`, recursively; returns false for nodes not rendered. */
function inline(src: Element, dst: Element): boolean {
  const cs = getComputedStyle(src);
  if (cs.display === 'none' || cs.visibility === 'hidden') return false;
  const tag = src.localName;
  const props = tag === 'text' || tag === 'tspan' ? TEXT_PROPS : SHAPES.has(tag) ? SHAPE_PROPS : tag === 'g' ? ['opacity'] : [];
  for (const p of props) {
    const v = cs.getPropertyValue(p);
    if (v && !(p === 'opacity' && v === '1')) dst.setAttribute(p, v);
  }
  if (tag === 'clipPath' || tag === 'defs') return true;
  const a = Array.from(src.children), b = Array.from(dst.children);
  a.forEach((child, i) => { if (!inline(child, b[i])) b[i].remove(); });
  return true;
}

/**
 * What XML 1.0 cannot carry (§2.2 Char): C0 controls but tab, LF, CR; lone
 * surrogates (u flag); U+FFFE, U+FFFF. Text from data (a column name, a label)
 * may hold them and XMLSerializer writes them as they are: the file would not parse.
 */
const NOT_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/**
 * A standalone SVG document for a chart `<svg>` that is in the page (its
 * computed styles are read): colours, strokes and fonts inlined, a
 * background rectangle, the aria-label also as `<title>`, focus attributes
 * dropped (and the chart an image again), characters XML forbids replaced by U+FFFD.
 */
export function serializeSvg(svg: SVGSVGElement, o: SvgExportOptions = {}): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inline(svg, clone);
  for (const node of clone.querySelectorAll(o.exclude ?? SVG_EXPORT_DEFAULTS.exclude)) node.remove();
  for (const node of clone.querySelectorAll('[tabindex]')) node.removeAttribute('tabindex');
  // Nothing in a file is focusable, so the chart is one picture again (in the page it is a group of focusable marks).
  if (clone.getAttribute('role') === 'group') clone.setAttribute('role', 'img');
  const { width, height } = svg.viewBox.baseVal;
  clone.prepend(svgElement('rect', { class: 'background', x: 0, y: 0, width, height, fill: o.background ?? effectiveBackground(svg) }));
  const label = svg.getAttribute('aria-label');
  if (label) {
    const title = svgElement('title');
    title.textContent = label;
    clone.prepend(title);
  }
  const xml = new XMLSerializer().serializeToString(clone).replace(NOT_XML, '\uFFFD');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}

/** A PNG of an SVG document at `scale` × its size, drawn offline (blob URL → Image → canvas). */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas available');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

export type Cell = string | number | null | undefined;

/** A cell that is one plain decimal number: spreadsheets read it as that number, not a formula. */
const PLAIN_NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

/**
 * Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's
 * advice for CSV injection): a first character of =, +, -, @ (or their fullwidth
 * forms, which some locales accept), tab or CR, also after leading whitespace,
 * since importers may trim it. Numbers, and text that is one plain number such
 * as "-1", are left alone: they cannot run and the apostrophe would corrupt them.
 */
export const guardCell = (v: Cell): Cell =>
  typeof v === 'string' && /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;

/**
 * One CSV field: quoted when it holds a quote, a comma or a line break, its quotes doubled (RFC 4180),
 * exactly as d3-dsv's csvFormatRows writes a string (test/node/chart/export-csv.test.ts compares the two).
 * Written here because importing d3-dsv's formatter brings its parser too, 0.9 KB gzipped in the files
 * of elements that never read CSV (the landscape's, the calculator's).
 */
export const csvField = (text: string): string => (/["\n\r,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** CSV with a header row; text cells guarded against formula injection. */
export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = (v: Cell) => { const g = guardCell(v); return g === null || g === undefined ? '' : String(g); };
  const line = (cells: readonly Cell[]) => cells.map((c) => csvField(text(c))).join(',');
  return `${[columns, ...rows].map(line).join('\n')}\n`;
}

/** Pretty JSON; numbers keep full precision (shortest round-trip form); non-finite numbers become null. */
export const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Starts a download of `content` as `filename` (no network: a blob URL on a detached link). */
export function download(content: Blob | string, filename: string, type = 'text/plain;charset=utf-8'): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
