/**
 * ChangeAnnouncer: how <scaling-calculator> tells of a new result. The page
 * hears at once: `scaling-change`, once per new signature (scenario and law
 * columns), the first result included. The live region speaks only once the
 * inputs have rested for CALCULATOR_DELAYS.announceMs, and not for the first
 * result, so that a slider drag does not flood a screen reader. Apart from
 * the element because of its timer and its memory of what was last told.
 */

import type { CalcResult } from './model.js';

/** The live region speaks once the inputs rest this long (a slider drag would otherwise flood it). */
export const CALCULATOR_DELAYS = { announceMs: 600 };

export class ChangeAnnouncer {
  private emitted = '';
  private timer = 0;

  /** `emit` sends `scaling-change` with a result; `speak` sets the live region's words for the result current then. */
  constructor(private readonly emit: (calc: CalcResult) => void, private readonly speak: () => void) {}

  /** After an update: tells of `calc` when its `signature` is new. */
  afterUpdate(calc: CalcResult | undefined, signature: string): void {
    if (!calc || signature === this.emitted) return;
    const first = this.emitted === '';
    this.emitted = signature;
    this.emit(calc);
    if (!first) {
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.speak(), CALCULATOR_DELAYS.announceMs);
    }
  }

  /** Drops words still waiting to be spoken (the element left the page). */
  stop(): void {
    clearTimeout(this.timer);
  }
}
