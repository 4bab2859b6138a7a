/**
 * An interval band: the region between `lo` and `hi` along x (a confidence
 * or prediction interval around a curve), drawn as one filled path.
 */

import { area } from 'd3-shape';
import type { PositionScale } from '../scales.js';
import { group, svgElement } from '../svg.js';

export interface Interval { x: number; lo: number; hi: number }

export interface BandOptions {
  className?: string;
  clipId?: string;
}

export function band(data: readonly Interval[], scales: { x: PositionScale; y: PositionScale }, o: BandOptions = {}): SVGGElement {
  const g = group('mark band', { part: 'band', 'clip-path': o.clipId ? `url(#${o.clipId})` : undefined });
  const ok = (v: number) => Number.isFinite(v);
  const path = area<Interval>()
    .defined((d) => ok(scales.x(d.x)) && ok(scales.y(d.lo)) && ok(scales.y(d.hi)))
    .x((d) => scales.x(d.x))
    .y0((d) => scales.y(d.lo))
    .y1((d) => scales.y(d.hi))
    .digits(2);
  g.append(svgElement('path', { class: o.className ? `interval ${o.className}` : 'interval', d: path(data as Interval[]) ?? '' }));
  return g;
}
