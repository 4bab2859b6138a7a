/**
 * FitEvents: what <scaling-fit> tells the page after an update, each thing
 * once: a new drawing (`render`), a new result once the chart shows its law
 * (`fitDone`), new bootstrap intervals once they are shown — with their band,
 * when the chart has a frontier to draw one around (`bootstrapDone`). The
 * element says how each is sent (event names, deprecated aliases); this
 * remembers what has been sent, the one state the events need, so a redraw
 * for another reason tells the page nothing twice.
 */

import type { FitResult } from '../../core/fit.js';
import type { BootstrapResult } from '../../core/bootstrap.js';
import type { RenderDetail } from '../base.js';
import type { FitDrawing } from './draw.js';
import type { FitJobs } from './jobs.js';
import type { FitPlot } from './model.js';

export interface FitEventSender {
  render(detail: RenderDetail): void;
  fitDone(result: FitResult): void;
  bootstrapDone(intervals: BootstrapResult): void;
}

export class FitEvents {
  private emitted: { svg?: SVGSVGElement; result?: FitResult; intervals?: BootstrapResult } = {};

  constructor(private readonly send: FitEventSender) {}

  /** Sends what is new in drawing `d` of model `m` (nothing without a chart). */
  afterUpdate(d: FitDrawing | undefined, m: FitPlot | undefined, jobs: FitJobs): void {
    if (!d || !m) return;
    if (d.svg !== this.emitted.svg) {
      this.emitted.svg = d.svg;
      this.send.render({ width: d.frame.width, height: d.frame.height, series: m.lines.length + (m.frontier.length ? 1 : 0), points: d.runIndices.length });
    }
    const result = jobs.result;
    if (result && m.law === result.law && result !== this.emitted.result) {
      this.emitted.result = result;
      this.send.fitDone(result);
    }
    const intervals = jobs.intervals;
    if (intervals && jobs.bootState === 'done' && intervals !== this.emitted.intervals && (m.band || m.frontier.length === 0)) {
      this.emitted.intervals = intervals;
      this.send.bootstrapDone(intervals);
    }
  }
}
