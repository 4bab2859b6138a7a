/**
 * Points: one `<circle>` per datum, in a detached `<g>`. Each circle carries
 * `data-index` (its position in `data`) so a host can find the datum for a
 * tooltip. With `label`, points are keyboard-reachable with a roving
 * tabindex: the first is in the tab order (tabindex 0), the rest are -1 and
 * the host moves focus with the arrow keys; each is a named image
 * (`labelMark`). A chart holding such marks must not stay `role="img"`
 * (`exposeMarks`).
 *
 * Why `role="img"` on a focusable mark: ARIA allows `aria-label` only on an
 * element with a role, and an SVG `<circle>` has none of its own (axe-core:
 * `aria-prohibited-attr`). A point is a picture of one datum whose name says
 * what it shows; `img` is the role every screen reader has announced for
 * years, and it is the superclass of `graphics-symbol`, the role the SVG
 * accessibility mapping gives a named shape (Chromium maps a named circle to
 * graphics-symbol and `role="img"` to image; both reach the platform as a
 * graphic). An interactive role (button, option) would promise an action a
 * point does not have: focus shows its tooltip, nothing more.
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
      labelMark(circle, o.label(d, i), first);
      first = false;
    }
    g.append(circle);
  });
  return g;
}

/**
 * Makes `mark` a focusable, named image: `role="img"`, `aria-label` =
 * `label`, and tabindex 0 when it is the chart's one tab stop (`tabStop`),
 * -1 otherwise (roving tabindex: the host moves focus with the arrow keys).
 */
export function labelMark(mark: SVGElement, label: string, tabStop: boolean): void {
  mark.setAttribute('role', 'img');
  mark.setAttribute('aria-label', label);
  mark.setAttribute('tabindex', tabStop ? '0' : '-1');
}

/**
 * A chart `<svg>` is drawn as `role="img"` (chart/frame.ts), and an image's
 * children are presentational: browsers leave them out of the accessibility
 * tree (Chromium does, focused or not), so a screen reader would never hear a
 * focused point. When the chart holds focusable marks (`[tabindex]`), it
 * becomes a `role="group"` with the same aria-label (the summary), so its
 * points are reachable and named; a chart without them stays one image.
 */
export function exposeMarks(svg: SVGSVGElement): void {
  if (svg.querySelector('[tabindex]')) svg.setAttribute('role', 'group');
}
