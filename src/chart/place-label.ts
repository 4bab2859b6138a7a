/**
 * Placing a text label where it overlaps nothing drawn: the first of the
 * candidate boxes (in order of preference) that stays inside the plot and
 * meets no obstacle — no mark's point, no line's segment, no label already
 * placed — or none, in
 * which case the caller drops the label (the legend and tooltips keep the
 * words). Boxes are estimated from the text (legend.ts textWidth): nodes are
 * detached, so nothing can be measured.
 */

import type { XY } from './marks/line.js';

export interface Box { x0: number; y0: number; x1: number; y1: number }

export interface Obstacles {
  /** Points drawn (pixel centres) and the room they take around them. */
  points: readonly XY[];
  radius: number;
  /** Polylines drawn, in pixels (gaps at non-finite vertices). */
  lines: readonly (readonly XY[])[];
  /** Labels already placed (a caller placing several adds each one it keeps). */
  boxes?: readonly Box[];
}

/** Whether two boxes overlap (sharing an edge does not count). */
export const boxesMeet = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const inside = (b: Box, p: XY, pad: number) => p.x >= b.x0 - pad && p.x <= b.x1 + pad && p.y >= b.y0 - pad && p.y <= b.y1 + pad;

/** True when the segment a–b meets box `b` (Liang–Barsky clipping). */
export function segmentHitsBox(a: XY, c: XY, b: Box): boolean {
  let t0 = 0, t1 = 1;
  const dx = c.x - a.x, dy = c.y - a.y;
  for (const [p, q] of [[-dx, a.x - b.x0], [dx, b.x1 - a.x], [-dy, a.y - b.y0], [dy, b.y1 - a.y]] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) { if (r > t1) return false; if (r > t0) t0 = r; } else { if (r < t0) return false; if (r < t1) t1 = r; }
    }
  }
  return true;
}

/** Whether `box` meets any obstacle. */
export function collides(box: Box, o: Obstacles): boolean {
  if (o.points.some((p) => inside(box, p, o.radius))) return true;
  if (o.boxes?.some((b) => boxesMeet(box, b))) return true;
  for (const line of o.lines) {
    for (let k = 1; k < line.length; k++) {
      const a = line[k - 1], c = line[k];
      if (![a.x, a.y, c.x, c.y].every(Number.isFinite)) continue;
      if (segmentHitsBox(a, c, box)) return true;
    }
  }
  return false;
}

/** The first candidate inside `bounds` that meets no obstacle, or undefined. */
export function placeLabel(candidates: readonly Box[], obstacles: Obstacles, bounds: Box): Box | undefined {
  return candidates.find((b) => b.x0 >= bounds.x0 && b.x1 <= bounds.x1 && b.y0 >= bounds.y0 && b.y1 <= bounds.y1 && !collides(b, obstacles));
}
