/**
 * Zoom and pan along x by changing the domain (no transforms: the chart is
 * redrawn, so ticks stay readable). Wheel zooms about the pointer, dragging
 * pans, double-click resets. The domain arithmetic is pure (`zoomDomain`,
 * `panDomain`); `attachZoom` wires it to events and reports the new domain,
 * or null for reset, through `onChange`.
 */

import type { PositionScale, ScaleType } from './scales.js';
import { pointerPosition } from './pointer.js';

type Domain = [number, number];

const forward = (type: ScaleType) => (type === 'log' ? Math.log : (v: number) => v);
const inverse = (type: ScaleType) => (type === 'log' ? Math.exp : (v: number) => v);

/** The domain scaled by `factor` (< 1 zooms in) about the value `at`. */
export function zoomDomain([d0, d1]: Domain, at: number, factor: number, type: ScaleType): Domain {
  const t = forward(type), u = inverse(type), c = t(at);
  return [u(c + (t(d0) - c) * factor), u(c + (t(d1) - c) * factor)];
}

/** The domain moved by `fraction` of its width (positive: towards larger values). */
export function panDomain([d0, d1]: Domain, fraction: number, type: ScaleType): Domain {
  const t = forward(type), u = inverse(type), shift = (t(d1) - t(d0)) * fraction;
  return [u(t(d0) + shift), u(t(d1) + shift)];
}

export interface ZoomOptions {
  type: ScaleType;
  /** The current x scale and chart svg (they are redrawn, so ask each time). */
  current: () => { scale: PositionScale; svg: SVGSVGElement } | undefined;
  onChange: (domain: Domain | null) => void;
  /** Zoom per wheel pixel; default 0.002. */
  rate?: number;
}

/** Wires wheel, drag and double-click on `target`; returns a function that unwires them. */
export function attachZoom(target: HTMLElement, o: ZoomOptions): () => void {
  const rate = o.rate ?? 0.002;
  let drag: { x: number; domain: Domain; width: number } | undefined;
  const wheel = (e: WheelEvent) => {
    const cur = o.current();
    if (!cur) return;
    e.preventDefault();
    const at = cur.scale.invert(pointerPosition(cur.svg, e).x);
    o.onChange(zoomDomain(cur.scale.domain() as Domain, at, Math.exp(e.deltaY * rate), o.type));
  };
  const down = (e: PointerEvent) => {
    const cur = o.current();
    if (!cur || e.button !== 0) return;
    const [r0, r1] = cur.scale.range();
    drag = { x: pointerPosition(cur.svg, e).x, domain: cur.scale.domain() as Domain, width: Math.abs(r1 - r0) };
    target.setPointerCapture?.(e.pointerId);
  };
  const move = (e: PointerEvent) => {
    const cur = o.current();
    if (!drag || !cur) return;
    const dx = pointerPosition(cur.svg, e).x - drag.x;
    if (Math.abs(dx) >= 2) o.onChange(panDomain(drag.domain, -dx / drag.width, o.type));
  };
  const up = () => { drag = undefined; };
  const reset = () => o.onChange(null);
  target.addEventListener('wheel', wheel, { passive: false });
  target.addEventListener('pointerdown', down);
  target.addEventListener('pointermove', move);
  target.addEventListener('pointerup', up);
  target.addEventListener('pointercancel', up);
  target.addEventListener('dblclick', reset);
  return () => {
    target.removeEventListener('wheel', wheel);
    target.removeEventListener('pointerdown', down);
    target.removeEventListener('pointermove', move);
    target.removeEventListener('pointerup', up);
    target.removeEventListener('pointercancel', up);
    target.removeEventListener('dblclick', reset);
  };
}
