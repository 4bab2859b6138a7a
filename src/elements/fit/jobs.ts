/**
 * FitJobs: the long-running work of <scaling-fit> as a ReactiveController —
 * the fit (the core's `fit`, in workers where it uses them), the bootstrap on
 * demand (`bootstrap`, cancellable through an AbortSignal) and the band drawn
 * from its replicates. Each job supersedes the one before it (aborted), and
 * the host is asked to update whenever state changes. Progress is reported
 * only for jobs that outlast `FIT_JOB_DEFAULTS.showAfterMs`.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fit, type FitResult } from '../../core/fit.js';
import type { FitOptions } from '../../core/fit-options.js';
import { bootstrap, type BootstrapFitResult } from '../../core/bootstrap-fit.js';
import type { Runs } from '../../core/runs-types.js';
import { nextTask } from '../../next-task.js';
import type { LossVariable } from '../../core/forms-eval.js';
import type { Interval } from '../../chart/marks/band.js';
import { frontierBand, type BandOptions } from './band.js';

export const FIT_JOB_DEFAULTS = { showAfterMs: 200 };

export type Progress = { done: number; total: number };
export type BootstrapState = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** Where the band goes: x, the grid along it, and the compute range to walk (see band.ts). */
export type BandRequest = Omit<BandOptions, 'signal' | 'level'> & { x: LossVariable };
const bandKey = (b: BandRequest) => `${b.x}|${b.grid[0]}|${b.grid[b.grid.length - 1]}|${b.grid.length}`;

const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError';


export class FitJobs implements ReactiveController {
  /** The last completed fit, and the runs it was made from. */
  result: FitResult | undefined;
  fittedRuns: Runs | undefined;
  fitError: unknown;
  /** True while a fit runs; `fitProgress` once it has run long enough to show. */
  fitting = false;
  fitProgress: Progress | undefined;

  intervals: BootstrapFitResult | undefined;
  bootState: BootstrapState = 'idle';
  bootProgress: Progress | undefined;
  bootError: unknown;
  band: Interval[] | undefined;
  /** Wall time of the last band computation, ms. */
  bandMs = 0;

  private key: unknown[] = [];
  /** Fits start only while the host is in the page (an update after removal must not start one). */
  private connected = false;
  private fitAbort?: AbortController;
  private bootAbort?: AbortController;
  private bandKey = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    // A fit cut short by a removal is redone now.
    if (this.key.length === 0) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.connected = false;
    // A fit cut short is redone on reconnection; a finished one is kept.
    if (this.fitting) {
      this.fitAbort?.abort();
      this.fitting = false;
      this.key = [];
    }
    this.cancelBootstrap();
  }

  /** Fits `runs` unless the same runs and options were fitted (or are being fitted) already. */
  request(runs: Runs | undefined, options: FitOptions, optionsKey: string): void {
    if (!this.connected) return;
    const key = [runs, optionsKey];
    if (key.every((k, i) => k === this.key[i])) return;
    this.key = key;
    this.fitAbort?.abort();
    this.clearBootstrap();
    if (!runs) {
      this.result = undefined;
      this.fittedRuns = undefined;
      this.fitError = undefined;
      this.fitting = false;
      return;
    }
    void this.runFit(runs, options);
  }

  private async runFit(runs: Runs, options: FitOptions): Promise<void> {
    const abort = new AbortController();
    this.fitAbort = abort;
    this.fitting = true;
    this.fitProgress = undefined;
    this.fitError = undefined;
    const t0 = performance.now();
    const show = setTimeout(() => { this.fitProgress ??= { done: 0, total: 0 }; this.host.requestUpdate(); }, FIT_JOB_DEFAULTS.showAfterMs);
    try {
      // A task of its own: the core's fit does its first chunk synchronously, and run inside the update
      // that asked for it, render and fit made one long task (about 200 ms for a first <scaling-fit>).
      await nextTask();
      abort.signal.throwIfAborted();
      const result = await fit(runs, {
        ...options, signal: abort.signal,
        onProgress: (done, total) => {
          if (performance.now() - t0 < FIT_JOB_DEFAULTS.showAfterMs) return;
          this.fitProgress = { done, total };
          this.host.requestUpdate();
        },
      });
      if (abort !== this.fitAbort) return;
      this.result = result;
      this.fittedRuns = runs;
      this.fitError = undefined;
    } catch (error) {
      if (abort !== this.fitAbort || isAbort(error)) return;
      this.result = undefined;
      this.fittedRuns = undefined;
      this.fitError = error;
    } finally {
      clearTimeout(show);
      if (abort === this.fitAbort) {
        this.fitting = false;
        this.fitProgress = undefined;
        this.host.requestUpdate();
      }
    }
  }

  /**
   * Starts the bootstrap of the current fit with `resamples` replicates, then
   * computes the band where `bandFor()` says (at that time); both land together.
   */
  async startBootstrap(resamples: number, budget: number | undefined, level: number, bandFor: () => BandRequest | undefined): Promise<void> {
    const runs = this.fittedRuns, result = this.result;
    if (!runs || !result || this.bootState === 'running') return;
    this.clearBootstrap();
    const abort = new AbortController();
    this.bootAbort = abort;
    this.bootState = 'running';
    this.bootProgress = { done: 0, total: resamples };
    this.host.requestUpdate();
    try {
      await nextTask();
      abort.signal.throwIfAborted();
      const intervals = await bootstrap(runs, {
        // The same objective as the fit being bootstrapped: its form, loss and δ.
        resamples, level, form: 'chinchilla' as const, loss: result.loss, delta: result.delta, signal: abort.signal,
        start: result.theta as never, estimate: result.theta as never, budgets: budget ? [budget] : [],
        onProgress: (done, total) => { this.bootProgress = { done, total }; this.host.requestUpdate(); },
      });
      abort.signal.throwIfAborted();
      const want = bandFor();
      const band = want ? await frontierBand(intervals.samples, want.x, { ...want, level: intervals.level, signal: abort.signal }) : undefined;
      this.intervals = intervals;
      this.band = band?.band;
      this.bandMs = band?.ms ?? 0;
      this.bandKey = want ? bandKey(want) : '';
      this.bootState = 'done';
    } catch (error) {
      if (abort !== this.bootAbort) return;
      this.bootState = isAbort(error) || abort.signal.aborted ? 'cancelled' : 'failed';
      this.bootError = this.bootState === 'failed' ? error : undefined;
    } finally {
      if (abort === this.bootAbort) {
        this.bootProgress = undefined;
        this.host.requestUpdate();
      }
    }
  }

  /** Stops a running bootstrap; the element returns to its state before it. */
  cancelBootstrap(): void {
    if (this.bootState !== 'running') return;
    this.bootAbort?.abort();
  }

  private clearBootstrap(): void {
    this.bootAbort?.abort();
    this.bootAbort = undefined;
    this.intervals = undefined;
    this.band = undefined;
    this.bandKey = '';
    this.bootState = 'idle';
    this.bootProgress = undefined;
    this.bootError = undefined;
  }

  /** Recomputes the band when x or its grid changed since it was made (after a bootstrap); updates the host when ready. */
  requestBand(want: BandRequest): void {
    const intervals = this.intervals;
    if (!intervals || this.bootState !== 'done') return;
    const key = bandKey(want);
    if (key === this.bandKey) return;
    this.bandKey = key;
    this.band = undefined;
    void frontierBand(intervals.samples, want.x, { ...want, level: intervals.level, signal: this.bootAbort?.signal }).then(({ band, ms }) => {
      if (this.intervals !== intervals || this.bandKey !== key) return;
      this.band = band;
      this.bandMs = ms;
      this.host.requestUpdate();
    }, () => undefined);
  }
}
