/**
 * The <scaling-landscape> chart from its model, as one detached `<svg>`:
 * filled loss bands (d3-contour polygons mapped from grid cells to pixels),
 * iso-FLOP lines C = 6ND labelled 10¹⁸ … with real superscripts, the
 * compute-optimal frontier, the named models (focusable markers, names as
 * text), axes, a legend of marks on top and a colour bar for loss on the right.
 * `crosshair()` draws the hover/keyboard cursor: a dot and its iso-FLOP line.
 */

import type { ContourMultiPolygon } from 'd3-contour';
import { axisX, axisY, type AxisOptions } from '../../chart/axes.js';
import { chartSvg, makeFrame, plotArea, xRange, yRange, type Frame } from '../../chart/frame.js';
import { legend } from '../../chart/marks/legend.js';
import { line } from '../../chart/marks/line.js';
import { exposeMarks, labelMark } from '../../chart/marks/points.js';
import { positionScale, type PositionScale } from '../../chart/scales.js';
import { group, svgElement, textNode } from '../../chart/svg.js';
import { bidiSafe } from '../../chart/isolate.js';
import { formatValue, pow10 } from '../../chart/ticks.js';
import type { LandscapeTranslate } from '../../i18n/index.js';
import { placeLandscapeLabels, type IsoSegment } from './labels.js';
import { LANDSCAPE_DEFAULTS, type LandscapeModel } from './model.js';

export interface LandscapeDrawing {
  svg: SVGSVGElement;
  frame: Frame;
  /** x: parameters N (log), y: tokens D (log). */
  x: PositionScale;
  y: PositionScale;
  markers: SVGCircleElement[];
}

export interface LandscapeDrawOptions {
  width: number;
  height?: number;
  t: LandscapeTranslate;
  ariaLabel: string;
  /** Accessible name of model i. */
  modelLabel: (i: number) => string;
}

/** Colours in the loss palette (level-0 lowest loss … level-15 highest); see landscape.styles.ts. */
export const LEVEL_COLOURS = 16;
export const LANDSCAPE_LAYOUT = { right: 84, bar: 12, labelGap: 16 };

const levelClass = (k: number, n: number) => `level-${n > 1 ? Math.round((k / (n - 1)) * (LEVEL_COLOURS - 1)) : 0}`;

/** One band's polygons as a path, grid coordinates (0…nx, 0…ny) mapped onto the plot. */
function bandPath(band: ContourMultiPolygon, m: LandscapeModel, f: Frame): string {
  const [x0, x1] = xRange(f), [y0, y1] = yRange(f);
  const sx = (x1 - x0) / m.nx, sy = (y1 - y0) / m.ny;
  let d = '';
  for (const polygon of band.coordinates) {
    for (const ring of polygon) {
      ring.forEach(([cx, cy], i) => { d += `${i ? 'L' : 'M'}${(x0 + cx * sx).toFixed(1)},${(y0 + cy * sy).toFixed(1)}`; });
      d += 'Z';
    }
  }
  return d;
}

/** Iso-FLOP lines at each power of ten of C crossing the map, and where each runs on screen (labels.ts labels them). */
function isoLines(m: LandscapeModel, x: PositionScale, y: PositionScale, clipId: string): { lines: SVGGElement; segments: IsoSegment[] } {
  const k = LANDSCAPE_DEFAULTS.flopsPerToken;
  const lines = group('iso-lines', { 'clip-path': `url(#${clipId})` });
  const segments: IsoSegment[] = [];
  const [n0, n1] = m.nRange, [d0, d1] = m.dRange;
  const e0 = Math.ceil(Math.log10(k * n0 * d0)), e1 = Math.floor(Math.log10(k * n1 * d1));
  const step = Math.max(1, Math.ceil((e1 - e0 + 1) / 10));
  for (let e = e0; e <= e1; e += step) {
    const C = pow10(e);
    // Where D = C/(kN) enters the map at upper left: the top edge or the left edge.
    const nA = Math.max(n0, C / (k * d1)), nB = Math.min(n1, C / (k * d0));
    if (!(nA < nB)) continue;
    const a = { x: x(nA), y: y(C / (k * nA)) }, b = { x: x(nB), y: y(C / (k * nB)) };
    lines.append(svgElement('line', { class: 'iso-line', x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'data-c': C }));
    segments.push({ C, a, b });
  }
  return { lines, segments };
}

/** The colour bar: one swatch per band, labelled at the thresholds (every other when crowded). */
function colourBar(m: LandscapeModel, f: Frame, t: LandscapeTranslate): SVGGElement {
  const g = group('colour-bar', { part: 'colour-bar' });
  const n = m.thresholds.length;
  const [top, bottom] = [f.margin.top, f.height - f.margin.bottom];
  const h = (bottom - top) / n, bx = f.width - LANDSCAPE_LAYOUT.right + LANDSCAPE_LAYOUT.labelGap;
  const every = Math.max(1, Math.ceil(15 / h));
  for (let k = 0; k < n; k++) {
    const y0 = bottom - (k + 1) * h;
    g.append(svgElement('rect', { class: `swatch ${levelClass(k, n)}`, x: bx, y: y0, width: LANDSCAPE_LAYOUT.bar, height: h + 0.5 }));
    if (k > 0 && k % every === 0) {
      g.append(svgElement('line', { class: 'bar-tick', x1: bx + LANDSCAPE_LAYOUT.bar, x2: bx + LANDSCAPE_LAYOUT.bar + 3, y1: bottom - k * h, y2: bottom - k * h }));
      g.append(textNode(formatValue('decimal', m.thresholds[k], 3), { class: 'bar-label', x: bx + LANDSCAPE_LAYOUT.bar + 5, y: bottom - k * h, dy: '0.35em' }));
    }
  }
  g.append(textNode(t('landLegendLoss'), { class: 'bar-title', x: f.width - 4, y: top - 8, 'text-anchor': 'end' }));
  return g;
}

export function drawLandscape(m: LandscapeModel, o: LandscapeDrawOptions): LandscapeDrawing {
  const { t } = o;
  const width = Math.max(300, Math.round(o.width));
  const margin = { right: LANDSCAPE_LAYOUT.right };
  const key = legend([
    { label: t('landIsoflops'), className: 'iso', symbol: 'line' },
    { label: t('landFrontier'), className: 'frontier', symbol: 'line' },
    { label: t('landModels'), className: 'model-swatch', symbol: 'point' },
  ], { x: 58, y: 4, width: width - 58 - LANDSCAPE_LAYOUT.right });
  for (const c of key.node.querySelectorAll('circle.point')) c.setAttribute('class', 'swatch model-swatch');
  const plotW = width - 58 - LANDSCAPE_LAYOUT.right;
  const top = key.height + 22;
  const height = o.height ?? Math.round(top + 12 + Math.min(560, Math.max(220, plotW * 0.8)) + 46);
  const frame = makeFrame(width, height, key.height + 10, margin);
  const x = positionScale('log', m.nRange, xRange(frame));
  const y = positionScale('log', m.dRange, yRange(frame));
  const { svg, clipId } = chartSvg(frame, o.ariaLabel);
  svg.setAttribute('part', 'svg');

  const bands = group('mark bands', { part: 'bands', 'clip-path': `url(#${clipId})` });
  m.bands.forEach((b, k) => {
    if (b.coordinates.length) bands.append(svgElement('path', { class: `band ${levelClass(k, m.bands.length)}`, d: bandPath(b, m, frame), 'data-loss': b.value }));
  });
  const xo: AxisOptions = { type: 'log', quantity: 'count', title: t('axisN') };
  const yo: AxisOptions = { type: 'log', quantity: 'count', title: t('axisD') };
  const iso = isoLines(m, x, y, clipId);
  const isoGroup = group('mark iso-flops', { part: 'iso-flops' });
  isoGroup.append(iso.lines);
  svg.append(bands, plotArea(frame), axisX(x, frame, xo), axisY(y, frame, yo), isoGroup);
  const frontierData = m.frontier.map((p) => ({ x: p.N, y: p.D }));
  const frontier = line(frontierData, { x, y }, { className: 'frontier', clipId, label: t('landFrontier') });
  frontier.setAttribute('part', 'frontier');
  svg.append(frontier);

  const models = group('mark models', { part: 'models' });
  const markers: SVGCircleElement[] = [];
  const shown = m.models.map((p, i) => ({ name: p.name, x: x(p.N), y: y(p.D), i })).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const [x0, x1] = xRange(frame), [y1, y0] = yRange(frame);
  const words = placeLandscapeLabels(shown, iso.segments, frontierData.map((p) => ({ x: x(p.x), y: y(p.y) })), { x0, y0, x1, y1 });
  for (const label of words.isoLabels) isoGroup.append(label);
  shown.forEach((p, k) => {
    const c = svgElement('circle', { class: 'model', cx: p.x, cy: p.y, r: 6, 'data-index': p.i });
    labelMark(c, o.modelLabel(p.i), markers.length === 0);
    for (const node of words.names[k].nodes) models.append(node);
    if (!words.names[k].whole) {
      // A name cut or with no room on the map stays whole with its marker, so an exported SVG still says which model it is.
      const title = svgElement('title');
      title.textContent = bidiSafe(p.name);
      c.append(title);
    }
    models.append(c);
    markers.push(c);
  });
  svg.append(models, colourBar(m, frame, t), key.node);
  exposeMarks(svg); // focusable markers: the chart is a group, not one image
  return { svg, frame, x, y, markers };
}

/** The cursor at (N, D): a dot and the iso-FLOP line through it. */
export function crosshair(d: LandscapeDrawing, N: number, D: number, nRange: [number, number], dRange: [number, number]): SVGGElement {
  const g = group('cursor', { part: 'cursor' });
  const C = N * D, nA = Math.max(nRange[0], C / dRange[1]), nB = Math.min(nRange[1], C / dRange[0]);
  if (nA < nB) g.append(svgElement('line', { class: 'cursor-iso', x1: d.x(nA), y1: d.y(C / nA), x2: d.x(nB), y2: d.y(C / nB) }));
  g.append(svgElement('circle', { class: 'cursor-dot', cx: d.x(N), cy: d.y(D), r: 4 }));
  return g;
}
