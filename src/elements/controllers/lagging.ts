/**
 * Lagging: a ReactiveController holding a value that follows another one
 * task later, for parts of a render that can wait a frame. The hidden data
 * table of every run is one: laid out in the same frame as the chart, its 245
 * rows doubled the longest task of a <scaling-fit> redraw (bench (g)); a frame
 * later, neither frame is long. (`content-visibility: auto` would skip that
 * layout too, but Chromium then leaves the table out of the accessibility tree.)
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nextTask } from '../../next-task.js';

export class Lagging<T> implements ReactiveController {
  /** `source()` as it was one task after the host's last update that changed it. */
  value: T | undefined;
  private pending = false;

  constructor(private readonly host: ReactiveControllerHost, private readonly source: () => T | undefined) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.pending || Object.is(this.source(), this.value)) return;
    this.pending = true;
    void nextTask().then(() => {
      this.pending = false;
      if (Object.is(this.source(), this.value)) return;
      this.value = this.source();
      this.host.requestUpdate();
    });
  }
}
