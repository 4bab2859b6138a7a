/**
 * PlotController: the interaction every chart element shares, as a
 * ReactiveController. It renders the focusable plot area (`render()`), and
 * gives it
 *   - a tooltip for data points on hover and keyboard focus, with a roving
 *     tabindex (arrow keys, Home, End move between `circle.point`s; Escape leaves);
 *   - a cursor along x on hover and with the arrow keys on the plot area
 *     (Shift for bigger steps, Home/End, Escape), when the host gives `cursorAt`;
 *   - optional zoom and pan of x (wheel, drag, double-click to reset; + − 0
 *     PageUp PageDown keys), reported through `setView`.
 * The host says what is drawn and what to say; the controller never computes data.
 */

import { min } from 'd3-array';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Frame } from '../../chart/frame.js';
import { cursor, type CursorDot } from '../../chart/marks/cursor.js';
import { centreIn, pointerPosition, svgToContainer } from '../../chart/pointer.js';
import type { PositionScale, ScaleType } from '../../chart/scales.js';
import { createTooltip, type Tooltip } from '../../chart/tooltip.js';
import { attachZoom, panDomain, zoomDomain } from '../../chart/zoom.js';

export interface PlotDrawing {
  svg: SVGSVGElement;
  frame: Frame;
  x: PositionScale;
  y: PositionScale;
  xType: ScaleType;
}

export interface PlotSource {
  /** What is drawn now, or undefined. */
  drawing(): PlotDrawing | undefined;
  /** Tooltip lines for the point with `data-index` i. */
  pointText(index: number): string[];
  /** Cursor dots and tooltip lines at x = value; omit for no cursor. */
  cursorAt?(value: number): { dots: CursorDot[]; lines: string[] };
  /** Zoom: whether it is on, and where the new x domain goes (null: reset). */
  zoom?: { enabled(): boolean; setView(domain: [number, number] | null): void };
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

const isPoint = (t: EventTarget | null): t is SVGCircleElement => t instanceof SVGCircleElement && t.classList.contains('point');

export class PlotController implements ReactiveController {
  private tooltip?: Tooltip;
  private cursorX?: number;
  private shown?: SVGSVGElement;
  private unzoom?: () => void;
  private zoomOn = false;

  constructor(private readonly host: Host, private readonly source: PlotSource) {
    host.addController(this);
  }

  private get plot(): HTMLElement | null {
    return this.host.renderRoot.querySelector('.plot');
  }

  hostUpdated(): void {
    const plot = this.plot, box = this.host.renderRoot.querySelector<HTMLElement>('.plot > .tooltip');
    if (!this.tooltip && plot && box && this.host.shadowRoot) this.tooltip = createTooltip(this.host.shadowRoot, box, plot);
    const want = !!this.source.zoom?.enabled() && !!plot;
    if (want !== this.zoomOn) {
      this.unzoom?.();
      this.unzoom = want ? attachZoom(plot!, {
        type: this.source.drawing()?.xType ?? 'log',
        current: () => { const d = this.source.drawing(); return d && { scale: d.x, svg: d.svg }; },
        onChange: (domain) => this.source.zoom?.setView(domain),
      }) : undefined;
      this.zoomOn = want;
    }
    const d = this.source.drawing();
    if (d && d.svg !== this.shown) {
      this.shown = d.svg;
      if (this.cursorX !== undefined) this.showCursor(this.cursorX);
    }
  }

  hostDisconnected(): void {
    this.unzoom?.();
    this.unzoom = undefined;
    this.zoomOn = false;
  }

  /** The plot area: `content` (the chart svg) plus the tooltip. Parts: plot, tooltip. */
  render(content: unknown, label: string): TemplateResult {
    return html`<div class="plot" part="plot" tabindex="0" role="group" aria-label=${label}
      @pointermove=${this.onPointerMove} @pointerleave=${this.hideCursor}
      @focusin=${this.onFocusIn} @focusout=${this.onFocusOut} @keydown=${this.onKeyDown}>
      ${content}
      <div class="tooltip" part="tooltip" aria-hidden="true" hidden></div>
    </div>`;
  }

  /** Draws the cursor at x = value and shows the host's lines; `at` is the tooltip anchor in plot pixels. */
  showCursor(value: number, at?: { x: number; y: number }): void {
    const d = this.source.drawing(), plot = this.plot;
    const content = this.source.cursorAt?.(value);
    if (!d || !plot || !this.tooltip || !content) return;
    this.cursorX = value;
    const g = cursor(value, content.dots, d, d.frame);
    const old = d.svg.querySelector('.cursor');
    if (old) old.replaceWith(g); else d.svg.append(g);
    const ys = content.dots.map((p) => d.y(p.y)).filter((y) => Number.isFinite(y));
    const top = Math.max(d.frame.margin.top, Math.min(d.frame.height - d.frame.margin.bottom, min(ys) ?? Infinity));
    const anchor = at ?? svgToContainer(d.svg, plot, d.x(value), top);
    this.tooltip.show(content.lines, anchor.x, anchor.y);
  }

  hideCursor = (): void => {
    this.cursorX = undefined;
    this.source.drawing()?.svg.querySelector('.cursor')?.remove();
    this.tooltip?.hide();
  };

  private showPoint(circle: SVGCircleElement): void {
    const plot = this.plot;
    if (!plot || !this.tooltip) return;
    this.hideCursor();
    const { x, y } = centreIn(circle, plot);
    this.tooltip.show(this.source.pointText(Number(circle.dataset.index)), x, y - 4);
  }

  private onPointerMove = (e: PointerEvent): void => {
    if (isPoint(e.target)) return this.showPoint(e.target);
    const d = this.source.drawing(), plot = this.plot;
    if (!d || !plot || !this.source.cursorAt) return;
    const p = pointerPosition(d.svg, e);
    const [x0, x1] = d.x.range();
    if (p.x < Math.min(x0, x1) || p.x > Math.max(x0, x1)) return this.hideCursor();
    this.showCursor(d.x.invert(p.x), svgToContainer(d.svg, plot, p.x, p.y));
  };

  private onFocusIn = (e: FocusEvent): void => {
    if (!isPoint(e.target)) return;
    for (const c of this.source.drawing()?.svg.querySelectorAll('circle.point:not([aria-hidden])') ?? []) c.setAttribute('tabindex', c === e.target ? '0' : '-1');
    this.showPoint(e.target);
  };

  private onFocusOut = (): void => this.tooltip?.hide();

  private onKeyDown = (e: KeyboardEvent): void => {
    const d = this.source.drawing();
    if (!d) return;
    if (isPoint(e.target)) {
      const all = Array.from(d.svg.querySelectorAll<SVGCircleElement>('circle.point:not([aria-hidden])'));
      const i = all.indexOf(e.target);
      const next = ({ ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: all.length - 1 } as Record<string, number>)[e.key];
      if (next !== undefined) (e.preventDefault(), all[Math.max(0, Math.min(all.length - 1, next))]?.focus());
      if (e.key === 'Escape') (this.tooltip?.hide(), this.plot?.focus());
      return;
    }
    if (e.target !== this.plot) return;
    const view = d.x.domain() as [number, number];
    const log = d.xType === 'log';
    const [a, b] = log ? view.map(Math.log) : view;
    const now = this.cursorX ?? (log ? Math.exp((a + b) / 2) : (a + b) / 2);
    const step = (e.shiftKey ? 0.1 : 0.02) * (b - a);
    const move = (v: number, s: number) => (log ? Math.exp(Math.log(v) + s) : v + s);
    const clamp = (v: number) => Math.min(Math.max(v, Math.min(view[0], view[1])), Math.max(view[0], view[1]));
    const keys: Record<string, () => void> = {
      ArrowRight: () => this.showCursor(clamp(move(now, step))),
      ArrowLeft: () => this.showCursor(clamp(move(now, -step))),
      Home: () => this.showCursor(view[0]),
      End: () => this.showCursor(view[1]),
      Escape: () => this.hideCursor(),
    };
    const zoom = this.source.zoom;
    if (zoom?.enabled()) {
      keys['+'] = keys['='] = () => zoom.setView(zoomDomain(view, now, 0.8, d.xType));
      keys['-'] = () => zoom.setView(zoomDomain(view, now, 1.25, d.xType));
      keys.PageUp = () => zoom.setView(panDomain(view, 0.2, d.xType));
      keys.PageDown = () => zoom.setView(panDomain(view, -0.2, d.xType));
      keys['0'] = () => zoom.setView(null);
    }
    const act = keys[e.key];
    if (act && (this.source.cursorAt || !e.key.startsWith('Arrow'))) (e.preventDefault(), act());
  };
}
