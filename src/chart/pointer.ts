/**
 * Between an SVG chart's own units and the page: the chart `<svg>` scales
 * with its container (viewBox), so client pixels are mapped back to frame
 * units before a scale inverts them, and frame units forward to a
 * container's pixels to place a tooltip.
 */

export function pointerPosition(svg: SVGSVGElement, event: { clientX: number; clientY: number }): { x: number; y: number } {
  const rect = svg.getBoundingClientRect();
  const box = svg.viewBox.baseVal;
  const sx = rect.width > 0 && box.width > 0 ? box.width / rect.width : 1;
  const sy = rect.height > 0 && box.height > 0 ? box.height / rect.height : 1;
  return { x: (event.clientX - rect.left) * sx, y: (event.clientY - rect.top) * sy };
}

/** A point in frame units as pixels inside `container` (a positioned ancestor of the svg). */
export function svgToContainer(svg: SVGSVGElement, container: Element, x: number, y: number): { x: number; y: number } {
  const rect = svg.getBoundingClientRect(), c = container.getBoundingClientRect();
  const box = svg.viewBox.baseVal;
  const sx = box.width > 0 ? rect.width / box.width : 1;
  const sy = box.height > 0 ? rect.height / box.height : 1;
  return { x: rect.left - c.left + x * sx, y: rect.top - c.top + y * sy };
}

/** The centre of an SVG child in the coordinates of a positioned HTML container. */
export function centreIn(node: Element, container: Element): { x: number; y: number } {
  const r = node.getBoundingClientRect(), c = container.getBoundingClientRect();
  return { x: r.left + r.width / 2 - c.left, y: r.top + r.height / 2 - c.top };
}
