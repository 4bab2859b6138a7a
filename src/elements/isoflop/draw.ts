/**
 * The <scaling-isoflop> chart from its model, as one detached `<svg>`: a
 * legend of budgets on top (rejected ones named with their reason), then two
 * panels side by side (stacked when narrow) — the IsoFLOP profiles (loss
 * against N, each budget's runs, parabola and optimum) and the allocation law
 * N*(C) on log-log axes (optima, fitted line, confidence band, the law as text).
 * Each panel is a `<g>` translated into place with its own frame and clip.
 */

import { axisX, axisY, grid, writeLabel, type AxisOptions } from '../../chart/axes.js';
import { chartSvg, xRange, yRange, type Frame } from '../../chart/frame.js';
import { band } from '../../chart/marks/band.js';
import { legend, type LegendItem } from '../../chart/marks/legend.js';
import { line } from '../../chart/marks/line.js';
import { exposeMarks, points } from '../../chart/marks/points.js';
import { A11Y_LIMITS, focusFirstMarks, grouped } from '../../chart/a11y.js';
import { domainOf, extent, positionScale, type PositionScale } from '../../chart/scales.js';
import { group, svgElement, textNode, uniqueId } from '../../chart/svg.js';
import type { IsoflopTranslate } from '../../i18n/index.js';
import type { IsoflopModel } from './model.js';

export interface IsoflopDrawing {
  svg: SVGSVGElement;
  /** The profiles panel's frame and scales (in its own translated coordinates; x is what zoom changes). */
  frame: Frame;
  x: PositionScale;
  y: PositionScale;
  /** Runs drawn, and the accepted budgets' positions drawn as optima in the inset. */
  runIndices: number[];
  optima: number[];
}

export interface IsoflopDrawOptions {
  /** The loss axis's title (the element's y-label, or its words). */
  lossTitle: string;
  width: number;
  height?: number;
  t: IsoflopTranslate;
  ariaLabel: string;
  /** Legend text of budget i (its C, and why it was rejected). */
  budgetLabel: (i: number) => string;
  /** Accessible names of run i and of the optimum of budget i. */
  runLabel: (i: number) => string;
  optimumLabel: (i: number) => string;
  /** The allocation law as two lines of text. */
  lawLines: [string, string];
  /** A zoomed N range for the profiles, or null. */
  view: [number, number] | null;
}

export const ISOFLOP_LAYOUT = { wideFrom: 600, split: 0.62, gap: 12, margin: { top: 10, right: 12, bottom: 46, left: 58 } };

/** A panel's frame and its translate offset within the whole chart. */
interface Panel { frame: Frame; dx: number; dy: number }

function panels(width: number, height: number | undefined, top: number): { profile: Panel; inset: Panel; height: number } {
  const { wideFrom, split, gap, margin } = ISOFLOP_LAYOUT;
  if (width >= wideFrom) {
    const h = height ?? Math.round(Math.min(520, Math.max(320, width * 0.56)));
    const w0 = Math.round(width * split);
    const body = h - top;
    return {
      profile: { frame: { width: w0, height: body, margin }, dx: 0, dy: top },
      inset: { frame: { width: width - w0 - gap, height: body, margin: { ...margin, top: margin.top + 34, left: 66 } }, dx: w0 + gap, dy: top },
      height: h,
    };
  }
  const h0 = Math.round(Math.max(240, width * 0.72)), h1 = Math.round(Math.max(220, width * 0.62));
  return {
    profile: { frame: { width, height: h0, margin }, dx: 0, dy: top },
    inset: { frame: { width, height: h1, margin: { ...margin, top: margin.top + 34 } }, dx: 0, dy: top + h0 + gap },
    height: height ?? top + h0 + gap + h1,
  };
}

function panelGroup(p: Panel, className: string, defs: SVGDefsElement): { g: SVGGElement; clipId: string } {
  const g = group(`panel ${className}`, { part: `panel ${className}`, transform: `translate(${p.dx},${p.dy})` });
  const clipId = uniqueId('scaling-clip');
  const clip = svgElement('clipPath', { id: clipId });
  const { width, height, margin } = p.frame;
  clip.append(svgElement('rect', { x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom }));
  defs.append(clip);
  g.append(svgElement('rect', { class: 'panel-area', x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom }));
  return { g, clipId };
}

export function drawIsoflop(model: IsoflopModel, o: IsoflopDrawOptions): IsoflopDrawing {
  const { t } = o;
  const { runs } = model;
  const width = Math.max(280, Math.round(o.width));
  const m = ISOFLOP_LAYOUT.margin;
  const items: LegendItem[] = model.budgets.map((b, i) => ({ label: o.budgetLabel(i), className: b.className, symbol: 'point' }));
  const key = legend(items, { x: m.left, y: 4, width: width - m.left - m.right });
  // Swatches are not data: keep them out of the keyboard's `circle.point` list.
  for (const c of key.node.querySelectorAll('circle.point')) c.setAttribute('class', c.getAttribute('class')!.replace(/\bpoint\b/, 'swatch'));
  const layout = panels(width, o.height, key.height + 8);
  const { svg } = chartSvg({ width, height: layout.height, margin: { top: 0, right: 0, bottom: 0, left: 0 } }, o.ariaLabel);
  svg.setAttribute('part', 'svg');
  const defs = svg.querySelector('defs')!;

  // Profiles: loss against N, one colour per budget.
  const pf = layout.profile.frame;
  const runIndices = Array.from(runs.N.keys()).filter((i) => !o.view || (runs.N[i] >= o.view[0] && runs.N[i] <= o.view[1]));
  const nDomain = o.view ?? domainOf('log', runs.N, 0.05) ?? [1e6, 1e12];
  const losses = [...runIndices.map((i) => runs.loss[i])];
  const x = positionScale('log', nDomain as [number, number], xRange(pf));
  const y = positionScale('linear', (domainOf('linear', losses, 0.06) ?? [0, 1]) as [number, number], yRange(pf));
  const xo: AxisOptions = { type: 'log', quantity: 'count', title: t('axisN') };
  const yo: AxisOptions = { type: 'linear', quantity: 'decimal', title: o.lossTitle };
  const profile = panelGroup(layout.profile, 'profiles', defs);
  profile.g.append(grid(x, y, xo, yo), axisX(x, pf, xo), axisY(y, pf, yo));
  const curves = group('curves');
  for (const b of model.budgets) {
    if (b.curve.length) curves.append(line(b.curve, { x, y }, { className: b.className, clipId: profile.clipId, label: o.budgetLabel(b.index) }));
  }
  profile.g.append(curves);
  const runClass = (i: number) => { const b = model.budgetOf[i]; return b >= 0 ? model.budgets[b].className : 'unassigned'; };
  const runMarks = points(runIndices, { x, y }, { x: (i) => runs.N[i], y: (i) => runs.loss[i], className: runClass, clipId: profile.clipId });
  // Only the first A11Y_LIMITS.focusableMarks runs are focusable and labelled; the group says how many there are.
  focusFirstMarks(runMarks, (pos) => o.runLabel(runIndices[pos]), t('marksCapped', { n: grouped(runIndices.length), shown: grouped(A11Y_LIMITS.focusableMarks) }));
  runMarks.classList.add('runs');
  const stars = group('mark optima', { part: 'optima', 'clip-path': `url(#${profile.clipId})` });
  for (const b of model.budgets) {
    if (!b.budget.accepted) continue;
    const cx = x(b.budget.N), cy = y(b.budget.loss);
    if (Number.isFinite(cx) && Number.isFinite(cy)) {
      stars.append(svgElement('path', { class: `optimum ${b.className}`, d: `M${cx.toFixed(2)},${(cy - 6).toFixed(2)}l6,6l-6,6l-6,-6z` }));
    }
  }
  profile.g.append(runMarks, stars);

  // The allocation law N*(C), log-log.
  const inf = layout.inset.frame;
  const good = model.budgets.filter((b) => b.budget.accepted);
  const cDomain = extent(model.line.map((p) => p.x), true) ?? [1e18, 1e22];
  const nStar = [...good.map((b) => b.budget.N), ...model.line.flatMap((p) => [p.y, p.lo, p.hi])];
  const cx = positionScale('log', cDomain, xRange(inf));
  const ny = positionScale('log', (domainOf('log', nStar, 0.05) ?? [1e8, 1e10]) as [number, number], yRange(inf));
  const cxo: AxisOptions = { type: 'log', quantity: 'flops', title: t('axisC'), maxTicks: Math.max(2, Math.floor((inf.width - inf.margin.left - inf.margin.right) / 44)) };
  const nyo: AxisOptions = { type: 'log', quantity: 'count', title: t('axisNStar') };
  const inset = panelGroup(layout.inset, 'allocation', defs);
  inset.g.append(grid(cx, ny, cxo, nyo), axisX(cx, inf, cxo), axisY(ny, inf, nyo));
  inset.g.append(band(model.line, { x: cx, y: ny }, { className: 'fit', clipId: inset.clipId }));
  inset.g.append(line(model.line, { x: cx, y: ny }, { className: 'fit', clipId: inset.clipId, label: o.lawLines[0] }));
  const optima = good.map((b) => b.index);
  const optimumMarks = points(optima, { x: cx, y: ny }, {
    x: (i) => model.budgets[i].budget.C, y: (i) => model.budgets[i].budget.N,
    className: (i) => `optimum-point ${model.budgets[i].className}`, label: o.optimumLabel, clipId: inset.clipId, r: 4.5,
  });
  // Optima are told apart from runs by index: runs.N.length + budget position.
  // One tab stop for the whole chart (roving tabindex): the optima follow the runs.
  for (const c of optimumMarks.querySelectorAll('circle')) {
    c.setAttribute('data-index', String(runs.N.length + Number(c.getAttribute('data-index'))));
    if (runIndices.length) c.setAttribute('tabindex', '-1');
  }
  optimumMarks.classList.add('optima-points');
  inset.g.append(optimumMarks);
  const law = group('law-text', { part: 'law' });
  // The exponent raised, as on the axes ("C^0.4632" stays the words' form, and the accessible summary's).
  const main = textNode('', { class: 'law-main', x: 8, y: inf.margin.top - 22 });
  const [base, power] = o.lawLines[0].split('^');
  writeLabel(main, power === undefined ? { text: base } : { text: base, sup: power });
  law.append(main, textNode(o.lawLines[1], { class: 'law-ci', x: 8, y: inf.margin.top - 7 }));
  inset.g.append(law);

  svg.append(profile.g, inset.g, key.node);
  exposeMarks(svg); // focusable points: the chart is a group, not one image
  return { svg, frame: pf, x, y, runIndices, optima };
}
