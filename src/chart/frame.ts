/**
 * The chart's frame: overall size, margins around the plot area, and the
 * `<svg>` root the marks go into. A chart is assembled as
 * `chartSvg(frame, label)` + marks appended in drawing order.
 */

import { group, svgElement, uniqueId } from './svg.js';

export interface Margin { top: number; right: number; bottom: number; left: number }

export interface Frame {
  width: number;
  height: number;
  margin: Margin;
}

/**
 * Margins and the size range of a chart in CSS pixels. The maximums bound
 * every loop and node count that grows with the size (ticks, grid lines, the
 * rasterised PNG): height="1e6" took 20 s to draw and height="99999999" made a
 * 33-million-pixel element. The elements clamp their `height` attribute and
 * measured width to this range (elements/attributes.ts); makeFrame does too.
 */
export const FRAME_DEFAULTS = {
  margin: { top: 12, right: 20, bottom: 46, left: 58 } as Margin,
  minWidth: 240,
  minHeight: 180,
  maxWidth: 4000,
  maxHeight: 4000,
};

/** `x` rounded and clamped to [lo, hi]; NaN gives lo. */
export const clampSize = (x: number, lo: number, hi: number): number => (x >= lo ? Math.min(hi, Math.round(x)) : lo);

/** A frame within the size range; `extraTop` reserves room above the plot (a legend). */
export function makeFrame(width: number, height: number, extraTop = 0, margin: Partial<Margin> = {}): Frame {
  const m = { ...FRAME_DEFAULTS.margin, ...margin };
  return {
    width: clampSize(width, FRAME_DEFAULTS.minWidth, FRAME_DEFAULTS.maxWidth),
    height: clampSize(height, FRAME_DEFAULTS.minHeight, FRAME_DEFAULTS.maxHeight),
    margin: { ...m, top: m.top + extraTop },
  };
}

/** Pixel range of the plot area along x: [left, right]. */
export const xRange = (f: Frame): [number, number] => [f.margin.left, f.width - f.margin.right];
/** Pixel range of the plot area along y, bottom first (larger values go up). */
export const yRange = (f: Frame): [number, number] => [f.height - f.margin.bottom, f.margin.top];

export const plotWidth = (f: Frame): number => f.width - f.margin.left - f.margin.right;
export const plotHeight = (f: Frame): number => f.height - f.margin.top - f.margin.bottom;

export interface ChartSvg {
  svg: SVGSVGElement;
  /** A clip path around the plot area; marks set `clip-path="url(#id)"`. */
  clipId: string;
}

/**
 * A detached `<svg role="img">` labelled by `ariaLabel`, sized by the frame,
 * with a clip path for the plot area. It scales with its container (viewBox).
 */
export function chartSvg(frame: Frame, ariaLabel: string, className = 'chart'): ChartSvg {
  const { width, height, margin } = frame;
  const svg = svgElement('svg', {
    class: className, role: 'img', 'aria-label': ariaLabel,
    width, height, viewBox: `0 0 ${width} ${height}`,
  });
  const clipId = uniqueId('scaling-clip');
  const defs = svgElement('defs');
  const clip = svgElement('clipPath', { id: clipId });
  clip.append(svgElement('rect', { x: margin.left, y: margin.top, width: plotWidth(frame), height: plotHeight(frame) }));
  defs.append(clip);
  svg.append(defs);
  return { svg, clipId };
}

/** A transparent rectangle over the plot area that catches pointer events. */
export const plotArea = (frame: Frame): SVGGElement => {
  const g = group('plot-area');
  g.append(svgElement('rect', { x: frame.margin.left, y: frame.margin.top, width: plotWidth(frame), height: plotHeight(frame) }));
  return g;
};
