/**
 * Path data for straight-segment lines and areas: the `d` strings d3-shape's
 * `line()` / `area()` with the linear curve and `.digits(2)` produce, without
 * shipping d3-shape and d3-path (test/browser/marks-path.test.ts compares the
 * two on random data). A point whose coordinates are not all finite is a gap.
 */

import { round2 } from '../svg.js';

/** One vertex: x then y (line) or x, upper y, lower y (area). */
type Vertex = readonly number[];

/** d3-path's digits(2): round to 1/100 and print with JS's own number-to-string ("1.5", not "1.50"). */
const xy = (x: number, y: number): string => `${round2(x)},${round2(y)}`;

/** Runs of consecutive vertices whose coordinates are all finite (d3's `defined`). */
function runs(vertices: readonly Vertex[]): Vertex[][] {
  const out: Vertex[][] = [];
  let run: Vertex[] | undefined;
  for (const v of vertices) {
    if (!v.every(Number.isFinite)) run = undefined;
    else if (run) run.push(v);
    else out.push((run = [v]));
  }
  return out;
}

/** `M x,y L x,y …` per run; a lone point becomes `M x,yZ`, as in d3's linear curve. */
export function linePath(vertices: readonly Vertex[]): string {
  return runs(vertices)
    .map((run) => run.map(([x, y], i) => (i ? 'L' : 'M') + xy(x, y)).join('') + (run.length > 1 ? '' : 'Z'))
    .join('');
}

/** Per run: along the upper edge forward, back along the lower edge, then `Z`. */
export function areaPath(vertices: readonly Vertex[]): string {
  return runs(vertices)
    .map((run) => {
      const top = run.map(([x, hi], i) => (i ? 'L' : 'M') + xy(x, hi));
      const bottom = run.map(([x, , lo]) => `L${xy(x, lo)}`).reverse();
      return `${top.join('')}${bottom.join('')}Z`;
    })
    .join('');
}
