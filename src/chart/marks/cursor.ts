/**
 * A cursor: a vertical rule at one x with a dot on each curve there. Hosts
 * redraw it as the pointer or the arrow keys move.
 */

import type { Frame } from '../frame.js';
import type { PositionScale } from '../scales.js';
import { group, svgElement } from '../svg.js';

export interface CursorDot { y: number; className?: string }

export function cursor(x: number, dots: readonly CursorDot[], scales: { x: PositionScale; y: PositionScale }, frame: Frame): SVGGElement {
  const g = group('mark cursor', { part: 'cursor' });
  const px = scales.x(x);
  if (!Number.isFinite(px)) return g;
  g.append(svgElement('line', { class: 'rule', x1: px, x2: px, y1: frame.margin.top, y2: frame.height - frame.margin.bottom }));
  for (const d of dots) {
    const py = scales.y(d.y);
    if (Number.isFinite(py) && py >= frame.margin.top - 1 && py <= frame.height - frame.margin.bottom + 1) {
      g.append(svgElement('circle', { class: d.className ? `dot ${d.className}` : 'dot', cx: px, cy: py, r: 4 }));
    }
  }
  return g;
}
