/**
 * An interval band: the region between `lo` and `hi` along x (a confidence
 * or prediction interval around a curve), drawn as one filled path.
 */

import type { PositionScale } from '../scales.js';
import { group, svgElement } from '../svg.js';
import { areaPath } from './path.js';

export interface Interval { x: number; lo: number; hi: number }

export interface BandOptions {
  className?: string;
  clipId?: string;
}

export function band(data: readonly Interval[], scales: { x: PositionScale; y: PositionScale }, o: BandOptions = {}): SVGGElement {
  const g = group('mark band', { part: 'band', 'clip-path': o.clipId ? `url(#${o.clipId})` : undefined });
  const d = areaPath(data.map((p) => [scales.x(p.x), scales.y(p.hi), scales.y(p.lo)]));
  g.append(svgElement('path', { class: o.className ? `interval ${o.className}` : 'interval', d }));
  return g;
}
