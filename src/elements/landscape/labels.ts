/**
 * Where the landscape's words go. Each named model's name is put beside its
 * marker (a long one cut with an ellipsis), then each iso-FLOP line's label
 * along its own line, each where it
 * meets no marker, no label already placed and not the frontier
 * (chart/place-label.ts). A label with no free place is dropped rather than
 * drawn over something: a model keeps its whole name in its marker's
 * accessible name, tooltip and <title> (draw.ts), and the iso-FLOP lines are labelled at every decade, so a
 * missing one reads off its neighbours.
 */

import { writeLabel } from '../../chart/axes.js';
import { fitText, textWidth } from '../../chart/text-width.js';
import type { XY } from '../../chart/marks/line.js';
import { placeLabel, type Box, type Obstacles } from '../../chart/place-label.js';
import { svgElement, textNode } from '../../chart/svg.js';
import { bidiSafe, isolate } from '../../chart/isolate.js';
import { formatFlops } from '../../chart/ticks.js';

/** Font sizes of .model-name and .iso-label (landscape.styles.ts); names are bold, hence the wider em. */
const NAME_PX = 12, NAME_EM = 1.1, ISO_PX = 11;
/** A marker's radius (6) and a pixel of air. */
const MARKER_ROOM = 7;

export interface PlacedModel { name: string; x: number; y: number }
/** A model's name as drawn (with its leader, when it sits at a corner; none when dropped), and whether it is drawn whole. */
export interface PlacedName { nodes: SVGElement[]; whole: boolean }
export interface IsoSegment { C: number; a: XY; b: XY }

/** How many of besideMarker's boxes, at the end, are corners (a name there gets a leader line). */
const CORNERS = 4;

/**
 * Boxes beside a marker, in order of preference: right, left, then above and
 * below it, slid sideways but always across the marker's own column (so the
 * name reads as its marker's and no other's), then the corners.
 */
function besideMarker(p: XY, w: number, h: number, leftFirst: boolean): Box[] {
  const right = { x0: p.x + 10, x1: p.x + 10 + w }, left = { x0: p.x - 10 - w, x1: p.x - 10 };
  const mid = { y0: p.y - h / 2, y1: p.y + h / 2 };
  const above = { y0: p.y - 10 - h, y1: p.y - 10 }, below = { y0: p.y + 10, y1: p.y + 10 + h };
  const sides = leftFirst ? [left, right] : [right, left];
  const across = [0.5, 0.75, 0.25, 0.9, 0.1].map((f) => ({ x0: p.x - w * f, x1: p.x + w * (1 - f) }));
  return [
    { ...sides[0], ...mid }, { ...sides[1], ...mid },
    ...across.flatMap((x) => [{ ...x, ...above }, { ...x, ...below }]),
    { ...sides[0], ...above }, { ...sides[0], ...below }, { ...sides[1], ...above }, { ...sides[1], ...below },
  ];
}

/** The screen box of a label written along a→b, `s` px from a, above (side 1) or below (side −1) the line. */
function alongLine(a: XY, b: XY, s: number, w: number, h: number, side: 1 | -1) {
  const len = Math.hypot(b.x - a.x, b.y - a.y), ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
  // The text's baseline runs along the line, 4 px off it: above, the glyphs rise from there; below, they hang under.
  const off = side === 1 ? 4 : 4 + h * 0.8;
  const ox = a.x + ux * s + uy * off * side, oy = a.y + uy * s - ux * off * side;
  const local = [[0, -h * 0.8], [w, -h * 0.8], [w, h * 0.2], [0, h * 0.2]];
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const [lx, ly] of local) {
    const x = ox + ux * lx - uy * ly, y = oy + uy * lx + ux * ly;
    box.x0 = Math.min(box.x0, x); box.x1 = Math.max(box.x1, x); box.y0 = Math.min(box.y0, y); box.y1 = Math.max(box.y1, y);
  }
  return { origin: { x: ox, y: oy }, box };
}

/**
 * The model names and iso-FLOP labels that fit, as nodes in drawing order;
 * `names[i]` is model i's.
 */
export function placeLandscapeLabels(models: readonly PlacedModel[], isos: readonly IsoSegment[], frontier: readonly XY[], plot: Box) {
  const placed: Box[] = [];
  const obstacles: Obstacles = { points: models, radius: MARKER_ROOM, lines: [frontier], boxes: placed };
  // A name wider than this is cut with an ellipsis: a long one would find no room anywhere.
  const most = Math.max(120, Math.min(220, (plot.x1 - plot.x0) * 0.45));
  const names = models.map((p): PlacedName => {
    const full = bidiSafe(p.name), fitted = fitText(full, most / NAME_EM, NAME_PX);
    // A cut name is joined with its ellipsis: the ellipsis stays outside the name's own direction.
    const text = fitted === full ? full : `${isolate(fitted.slice(0, -1))}…`;
    const w = textWidth(text, NAME_PX) * NAME_EM + 2, h = 15;
    const candidates = besideMarker(p, w, h, p.x > plot.x1 - 90);
    const box = placeLabel(candidates, obstacles, plot);
    if (!box) return { nodes: [], whole: false };
    placed.push(box);
    const name = textNode(text, { class: 'model-name', x: box.x0 + 1, y: (box.y0 + box.y1) / 2, dy: '0.35em' });
    const whole = fitted === full;
    if (candidates.indexOf(box) < candidates.length - CORNERS) return { nodes: [name], whole };
    // A name at a corner could be read as a neighbour's: a short leader from the marker's edge to the name's corner.
    const cx = Math.abs(box.x0 - p.x) < Math.abs(box.x1 - p.x) ? box.x0 : box.x1, cy = box.y0 > p.y ? box.y0 : box.y1;
    const d = Math.hypot(cx - p.x, cy - p.y) || 1;
    const leader = svgElement('line', { class: 'name-leader', x1: p.x + ((cx - p.x) / d) * 6, y1: p.y + ((cy - p.y) / d) * 6, x2: cx, y2: cy });
    return { nodes: [leader, name], whole };
  });
  const isoLabels: SVGTextElement[] = [];
  for (const { C, a, b } of isos) {
    const len = Math.hypot(b.x - a.x, b.y - a.y), words = formatFlops(C);
    const w = textWidth(words.text, ISO_PX) + textWidth(words.sup ?? '', ISO_PX * 0.75) + 2, h = 15;
    if (len < w + 16) continue;
    // From the upper-left end (where readers look first) along the line, then on its other side.
    const steps = [8, len * 0.2, len * 0.35, len * 0.5, len * 0.65, len - w - 8].filter((s) => s >= 8 && s <= len - w - 8);
    const tries = ([1, -1] as const).flatMap((side) => steps.map((s) => alongLine(a, b, s, w, h, side)));
    const box = placeLabel(tries.map((t) => t.box), obstacles, plot);
    const chosen = tries.find((t) => t.box === box);
    if (!box || !chosen) continue;
    placed.push(box);
    const angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
    const label = svgElement('text', { class: 'iso-label', transform: `translate(${chosen.origin.x},${chosen.origin.y}) rotate(${angle})` });
    writeLabel(label, words);
    isoLabels.push(label);
  }
  return { names, isoLabels };
}
