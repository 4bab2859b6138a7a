/**
 * A line through (x, y) samples, e.g. a law's curve sampled evenly in log x
 * (see ../sample.ts). Gaps where a value is not finite stay gaps.
 */

import type { PositionScale } from '../scales.js';
import { group, svgElement } from '../svg.js';
import { linePath } from './path.js';

export interface XY { x: number; y: number }

export interface LineOptions {
  /** Extra class on the path (a series colour class such as `series-1`). */
  className?: string;
  clipId?: string;
  /** Stored as `data-label` for hosts and tests; the legend carries the visible name. */
  label?: string;
}

export function line(data: readonly XY[], scales: { x: PositionScale; y: PositionScale }, o: LineOptions = {}): SVGGElement {
  const g = group('mark line', { part: 'line', 'clip-path': o.clipId ? `url(#${o.clipId})` : undefined });
  const d = linePath(data.map((p) => [scales.x(p.x), scales.y(p.y)]));
  g.append(svgElement('path', { class: o.className ? `curve ${o.className}` : 'curve', d, 'data-label': o.label }));
  return g;
}
