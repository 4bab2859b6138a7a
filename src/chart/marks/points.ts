/**
 * Points: one `<circle>` per datum, in a detached `<g>`. Each circle carries
 * `data-index` (its position in `data`) so a host can find the datum for a
 * tooltip. With `label`, points are keyboard-reachable with a roving
 * tabindex: the first is in the tab order (tabindex 0), the rest are -1 and
 * the host moves focus with the arrow keys; each has an aria-label.
 */

import type { PositionScale } from '../scales.js';
import { group, svgElement } from '../svg.js';

export interface PointsOptions<T> {
  x: (d: T) => number;
  y: (d: T) => number;
  /** Radius in pixels; default 3.5. */
  r?: number;
  /** Extra classes per point (e.g. a colour class `size-3`). */
  className?: (d: T, i: number) => string;
  /** Accessible name per point; giving it makes the points focusable. */
  label?: (d: T, i: number) => string;
  clipId?: string;
}

export const POINTS_DEFAULTS = { r: 3.5 };

export function points<T>(data: readonly T[], scales: { x: PositionScale; y: PositionScale }, o: PointsOptions<T>): SVGGElement {
  const g = group('mark points', { part: 'points', 'clip-path': o.clipId ? `url(#${o.clipId})` : undefined });
  const r = o.r ?? POINTS_DEFAULTS.r;
  let first = true;
  data.forEach((d, i) => {
    const cx = scales.x(o.x(d)), cy = scales.y(o.y(d));
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) return;
    const extra = o.className?.(d, i);
    const circle = svgElement('circle', { class: extra ? `point ${extra}` : 'point', cx, cy, r, 'data-index': i });
    if (o.label) {
      circle.setAttribute('tabindex', first ? '0' : '-1');
      circle.setAttribute('aria-label', o.label(d, i));
      first = false;
    }
    g.append(circle);
  });
  return g;
}
