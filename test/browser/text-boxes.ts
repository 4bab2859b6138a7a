// The text a chart shows, as boxes on the screen, and whether two of them meet:
// what the label-collision test (labels.test.ts) measures. Not a test file.
//
// A label may be rotated (the landscape's iso-FLOP labels run along their
// lines), so each box is the text's own bounding box (getBBox, in its user
// space) carried to the screen through getScreenCTM: a quadrilateral, not the
// axis-aligned rectangle getBoundingClientRect would give, which for two
// parallel slanted labels overlaps where the letters do not. Two convex
// quadrilaterals meet unless some edge's normal separates them (the
// separating-axis theorem).

export interface TextBox {
  /** The label's words, for the failure message. */
  text: string;
  /** Corners on the screen, in order around the box. */
  corners: DOMPoint[];
}

/** Every visible, non-empty `<text>` in `root`'s SVGs, as screen quadrilaterals. */
export function textBoxes(root: ParentNode): TextBox[] {
  const boxes: TextBox[] = [];
  for (const node of root.querySelectorAll('svg text')) {
    const text = node as SVGTextElement;
    // The words drawn: a cut title keeps its full text in a <title> child, which is not drawn.
    const words = Array.from(text.childNodes, (n) => (n.nodeName === 'title' ? '' : n.textContent ?? '')).join('').trim();
    if (!words || !text.getClientRects().length) continue; // display:none anywhere above
    const style = getComputedStyle(text);
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
    const b = text.getBBox(), m = text.getScreenCTM();
    if (!m || b.width === 0 || b.height === 0) continue;
    const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
      .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
    boxes.push({ text: words, corners });
  }
  return boxes;
}

/** The projection of `points` on the axis (ax, ay): [min, max]. */
function project(points: readonly DOMPoint[], ax: number, ay: number): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const p of points) {
    const v = p.x * ax + p.y * ay;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/**
 * Whether boxes `a` and `b` overlap by more than `slack` px along every
 * axis that could separate them (touching, or a sub-pixel graze from font
 * metrics, is not a collision).
 */
export function overlap(a: TextBox, b: TextBox, slack = 0.5): boolean {
  for (const shape of [a.corners, b.corners]) {
    for (let k = 0; k < shape.length; k++) {
      const p = shape[k], q = shape[(k + 1) % shape.length];
      const len = Math.hypot(q.x - p.x, q.y - p.y);
      if (len === 0) continue;
      const ax = -(q.y - p.y) / len, ay = (q.x - p.x) / len; // unit normal
      const [a0, a1] = project(a.corners, ax, ay), [b0, b1] = project(b.corners, ax, ay);
      if (Math.min(a1, b1) - Math.max(a0, b0) <= slack) return false;
    }
  }
  return true;
}

/** Whether every corner of `box` lies inside `rect` (with `slack` px to spare). */
export function insideRect(box: TextBox, rect: DOMRect, slack = 0.5): boolean {
  return box.corners.every((p) => p.x >= rect.left - slack && p.x <= rect.right + slack && p.y >= rect.top - slack && p.y <= rect.bottom + slack);
}

/** Pairs of boxes that overlap, as readable lines. */
export function collisions(boxes: readonly TextBox[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlap(boxes[i], boxes[j])) found.push(`"${boxes[i].text}" meets "${boxes[j].text}"`);
    }
  }
  return found;
}

/** The run and model markers drawn (not the legend's swatches), as screen boxes. */
export function markerBoxes(root: ParentNode): TextBox[] {
  const boxes: TextBox[] = [];
  for (const node of root.querySelectorAll('svg circle.point, svg circle.model')) {
    const r = node.getBoundingClientRect();
    if (!r.width || node.closest('.legend')) continue;
    const corners = [new DOMPoint(r.left, r.top), new DOMPoint(r.right, r.top), new DOMPoint(r.right, r.bottom), new DOMPoint(r.left, r.bottom)];
    const name = (node.getAttribute('aria-label') ?? `run ${node.getAttribute('data-index')}`).split(',')[0];
    boxes.push({ text: name, corners });
  }
  return boxes;
}

/** Labels drawn over a marker, as readable lines. */
export function covered(labels: readonly TextBox[], markers: readonly TextBox[]): string[] {
  const found: string[] = [];
  for (const l of labels) for (const m of markers) if (overlap(l, m, 1)) found.push(`"${l.text}" covers the marker of ${m.text}`);
  return found;
}

/** Whether screen point `p` lies inside box `b` (shrunk by `slack` px). */
function within(b: TextBox, p: DOMPoint, slack: number): boolean {
  const c = b.corners;
  // Inside a convex quadrilateral: on the same side of all four edges, at least `slack` in.
  let sign = 0;
  for (let k = 0; k < 4; k++) {
    const a = c[k], d = c[(k + 1) % 4];
    const len = Math.hypot(d.x - a.x, d.y - a.y) || 1;
    const cross = ((d.x - a.x) * (p.y - a.y) - (d.y - a.y) * (p.x - a.x)) / len;
    if (Math.abs(cross) < slack) return false;
    const s = Math.sign(cross);
    if (sign && s !== sign) return false;
    sign = s;
  }
  return true;
}

/**
 * Labels that a drawn line runs through: each mark's path or line (curves, the
 * frontier; not axes, legends, the cursor, contour fills or the iso-FLOP grid) sampled every 2 px
 * where it is inside the plot (clipped parts are not drawn).
 */
export function crossed(labels: readonly TextBox[], svg: SVGSVGElement, slack = 1): string[] {
  // A clip path's rect has no layout box of its own: carry its attributes to the screen.
  const rect = svg.querySelector('clipPath rect'), sm = svg.getScreenCTM();
  const num = (name: string) => Number(rect?.getAttribute(name));
  const c0 = rect && sm ? new DOMPoint(num('x'), num('y')).matrixTransform(sm) : undefined;
  const c1 = rect && sm ? new DOMPoint(num('x') + num('width'), num('y') + num('height')).matrixTransform(sm) : undefined;
  const clip = c0 && c1 ? { left: c0.x, top: c0.y, right: c1.x, bottom: c1.y } : undefined;
  const found = new Set<string>();
  for (const node of svg.querySelectorAll('.mark path, .mark line')) {
    const shape = node as SVGGeometryElement;
    // Contour fills and the iso-FLOP grid are the ground labels are written on, as gridlines are.
    if (shape.closest('.legend, .cursor') || shape.matches('.band, .iso-line') || !shape.getClientRects().length) continue;
    const m = shape.getScreenCTM();
    const total = shape.getTotalLength();
    if (!m || !Number.isFinite(total)) continue;
    const what = shape.getAttribute('data-label') ?? shape.getAttribute('class') ?? shape.localName;
    for (let s = 0; s <= total; s += 2) {
      const p = shape.getPointAtLength(s).matrixTransform(m);
      if (clip && (p.x < clip.left || p.x > clip.right || p.y < clip.top || p.y > clip.bottom)) continue;
      for (const l of labels) if (within(l, p, slack)) found.add(`"${l.text}" is crossed by ${what}`);
    }
  }
  return [...found];
}
