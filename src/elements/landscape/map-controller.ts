/**
 * MapController: the interaction of a two-dimensional map (log x × log y), as
 * a ReactiveController. It renders the focusable plot area and gives it
 *   - a tooltip anywhere on the map on hover (throttled to one update per
 *     animation frame), with a crosshair drawn by the host;
 *   - a keyboard crosshair: arrow keys move it (Shift for bigger steps),
 *     Home/End jump to the corners, Escape hides it;
 *   - focusable markers (`circle.model`, roving tabindex): a tooltip on focus
 *     or hover, arrow keys between them, Escape back to the map.
 * The host says what is drawn and what to say; the controller computes nothing.
 */

import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { centreIn, pointerPosition, svgToContainer } from '../../chart/pointer.js';
import { createTooltip, type Tooltip } from '../../chart/tooltip.js';
import type { PositionScale } from '../../chart/scales.js';

export interface MapDrawing { svg: SVGSVGElement; x: PositionScale; y: PositionScale }

export interface MapSource {
  drawing(): MapDrawing | undefined;
  /** Tooltip lines at (x, y) in data units. */
  pointLines(x: number, y: number): string[];
  /** Tooltip lines of marker i (`data-index`). */
  markerLines(i: number): string[];
  /** Draws (or, with undefined, removes) the crosshair at (x, y). */
  crosshair(at: { x: number; y: number } | undefined): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

const isMarker = (t: EventTarget | null): t is SVGCircleElement => t instanceof SVGCircleElement && t.classList.contains('model');

export class MapController implements ReactiveController {
  private tooltip?: Tooltip;
  private frame = 0;
  private pending?: { clientX: number; clientY: number; target: EventTarget | null };
  /** The keyboard crosshair, in log space: [ln x, ln y]. */
  private at?: [number, number];

  constructor(private readonly host: Host, private readonly source: MapSource) {
    host.addController(this);
  }

  private get plot(): HTMLElement | null {
    return this.host.renderRoot.querySelector('.plot');
  }

  hostUpdated(): void {
    const plot = this.plot, box = this.host.renderRoot.querySelector<HTMLElement>('.plot > .tooltip');
    if (!this.tooltip && plot && box && this.host.shadowRoot) this.tooltip = createTooltip(this.host.shadowRoot, box, plot);
  }

  hostDisconnected(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** The plot area: `content` (the chart svg) plus the tooltip. Parts: plot, tooltip. */
  render(content: unknown, label: string): TemplateResult {
    return html`<div class="plot" part="plot" tabindex="0" role="group" aria-label=${label}
      @pointermove=${this.onPointerMove} @pointerleave=${this.hide}
      @focusin=${this.onFocusIn} @focusout=${this.onFocusOut} @keydown=${this.onKeyDown}>
      ${content}
      <div class="tooltip" part="tooltip" aria-hidden="true" hidden></div>
    </div>`;
  }

  hide = (): void => {
    this.pending = undefined;
    this.source.crosshair(undefined);
    this.tooltip?.hide();
  };

  /** Shows the crosshair and tooltip at data point (x, y). */
  showAt(x: number, y: number): void {
    const d = this.source.drawing(), plot = this.plot;
    if (!d || !plot || !this.tooltip) return;
    this.source.crosshair({ x, y });
    const p = svgToContainer(d.svg, plot, d.x(x), d.y(y));
    this.tooltip.show(this.source.pointLines(x, y), p.x, p.y - 6);
  }

  private showMarker(marker: SVGCircleElement): void {
    const plot = this.plot;
    if (!plot || !this.tooltip) return;
    this.source.crosshair(undefined);
    const { x, y } = centreIn(marker, plot);
    this.tooltip.show(this.source.markerLines(Number(marker.dataset.index)), x, y - 8);
  }

  private onPointerMove = (e: PointerEvent): void => {
    this.pending = { clientX: e.clientX, clientY: e.clientY, target: e.target };
    if (!this.frame) this.frame = requestAnimationFrame(this.flush);
  };

  private flush = (): void => {
    this.frame = 0;
    const e = this.pending, d = this.source.drawing();
    if (!e || !d) return;
    if (isMarker(e.target)) return this.showMarker(e.target);
    const p = pointerPosition(d.svg, e);
    const [x0, x1] = d.x.range(), [y0, y1] = d.y.range();
    if (p.x < Math.min(x0, x1) || p.x > Math.max(x0, x1) || p.y < Math.min(y0, y1) || p.y > Math.max(y0, y1)) return this.hide();
    this.showAt(d.x.invert(p.x), d.y.invert(p.y));
  };

  private onFocusIn = (e: FocusEvent): void => {
    if (!isMarker(e.target)) return;
    for (const c of this.source.drawing()?.svg.querySelectorAll('circle.model') ?? []) c.setAttribute('tabindex', c === e.target ? '0' : '-1');
    this.showMarker(e.target);
  };

  private onFocusOut = (): void => this.hide();

  private onKeyDown = (e: KeyboardEvent): void => {
    const d = this.source.drawing();
    if (!d) return;
    if (isMarker(e.target)) {
      const all = Array.from(d.svg.querySelectorAll<SVGCircleElement>('circle.model'));
      const i = all.indexOf(e.target);
      const next = ({ ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: all.length - 1 } as Record<string, number>)[e.key];
      if (next !== undefined) (e.preventDefault(), all[Math.max(0, Math.min(all.length - 1, next))]?.focus());
      if (e.key === 'Escape') (this.hide(), this.plot?.focus());
      return;
    }
    if (e.target !== this.plot) return;
    const [a0, a1] = (d.x.domain() as number[]).map(Math.log), [b0, b1] = (d.y.domain() as number[]).map(Math.log);
    const at = this.at ?? [(a0 + a1) / 2, (b0 + b1) / 2];
    const f = e.shiftKey ? 0.1 : 0.02;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [at[0] + f * (a1 - a0), at[1]], ArrowLeft: [at[0] - f * (a1 - a0), at[1]],
      ArrowUp: [at[0], at[1] + f * (b1 - b0)], ArrowDown: [at[0], at[1] - f * (b1 - b0)],
      Home: [a0, b0], End: [a1, b1],
    };
    if (e.key === 'Escape') return (this.at = undefined, this.hide());
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, Math.min(lo, hi)), Math.max(lo, hi));
    this.at = [clamp(to[0], a0, a1), clamp(to[1], b0, b1)];
    this.showAt(Math.exp(this.at[0]), Math.exp(this.at[1]));
  };
}
