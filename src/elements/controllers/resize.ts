/**
 * A ReactiveController that tracks an element's content size with a
 * ResizeObserver and asks the host to update at most once per animation
 * frame, only when the size really changed (by ≥ 1 px). Track 'width' only
 * (the default) when the host's height follows from its width — that keeps
 * a chart from resizing itself in a loop.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ResizeOptions {
  /** The element to observe; default the host. */
  target?: () => Element | null | undefined;
  /** Which changes request an update; default 'width'. */
  track?: 'width' | 'both';
}

export class ResizeController implements ReactiveController {
  /** Content width and height in CSS pixels (0 until first observed). */
  width = 0;
  height = 0;
  private observer?: ResizeObserver;
  private frame = 0;
  private pending?: { width: number; height: number };

  constructor(private readonly host: ReactiveControllerHost & Element, private readonly options: ResizeOptions = {}) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      this.pending = { width: Math.round(box.width), height: Math.round(box.height) };
      if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
    });
    this.observer.observe(this.options.target?.() ?? this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private flush(): void {
    this.frame = 0;
    const next = this.pending;
    if (!next) return;
    const changed = next.width !== this.width || ((this.options.track ?? 'width') === 'both' && next.height !== this.height);
    this.width = next.width;
    this.height = next.height;
    if (changed) this.host.requestUpdate();
  }
}
