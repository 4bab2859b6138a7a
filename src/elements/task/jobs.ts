/**
 * TaskJobs: the long-running work of <scaling-task> as a ReactiveController —
 * the two fitted steps (on all runs, or on all but the largest-compute ones,
 * as the core's backtestChain holds them out) and, on demand, the chained
 * intervals (the core's bootstrapChain: both laws refitted on each resample).
 * Each job supersedes the one before it (aborted), and a result is kept only
 * if it belongs to the runs and settings it was started for.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fit } from '../../core/fit.js';
import { backtestChain } from '../../core/chain-backtest.js';
import { bootstrapChain, type ChainBootstrapResult } from '../../core/chain-bootstrap.js';
import type { ChainPoint } from '../../core/chain.js';
import { selectRuns } from '../../core/backtest.js';
import type { Runs } from '../../core/runs-types.js';
import { nextTask } from '../../next-task.js';
import type { Progress, BootstrapState } from '../fit/jobs.js';
import { stepOptions, type TaskFits, type TaskSettings } from './model.js';

const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError';

export class TaskJobs implements ReactiveController {
  fits: TaskFits | undefined;
  fitError: unknown;
  fitting = false;

  band: ChainBootstrapResult | undefined;
  bootState: BootstrapState = 'idle';
  bootProgress: Progress | undefined;
  bootError: unknown;

  private key: unknown[] = [];
  private connected = false;
  private fitAbort?: AbortController;
  private bootAbort?: AbortController;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.key.length === 0) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.connected = false;
    if (this.fitting) {
      this.fitAbort?.abort();
      this.fitting = false;
      this.key = [];
    }
    this.cancelBootstrap();
  }

  /** Fits both steps unless these runs were fitted (or are being fitted) with these settings already. */
  request(runs: Runs | undefined, s: TaskSettings, settingsKey: string): void {
    if (!this.connected) return;
    const key = [runs, settingsKey];
    if (key.every((k, i) => k === this.key[i])) return;
    this.key = key;
    this.fitAbort?.abort();
    this.clearBootstrap();
    this.fits = undefined;
    this.fitError = undefined;
    if (!runs) {
      this.fitting = false;
      return;
    }
    void this.runFits(runs, s);
  }

  private async runFits(runs: Runs, s: TaskSettings): Promise<void> {
    const abort = new AbortController();
    this.fitAbort = abort;
    this.fitting = true;
    try {
      await nextTask();
      abort.signal.throwIfAborted();
      const { lossFit, taskFit } = stepOptions(s);
      let fits: TaskFits;
      if (s.holdout > 0) {
        const bt = await backtestChain(runs, { holdoutLargest: s.holdout, lossFit: { ...lossFit }, taskFit: { ...taskFit } });
        const held = new Set(bt.heldOut.rows);
        fits = { runs, heldOut: Array.from(runs.rows, (r) => held.has(r)), lossFit: bt.lossFit, taskFit: bt.taskFit };
      } else {
        const loss = await fit(runs, { ...lossFit, signal: abort.signal });
        const task = await fit(runs, { ...taskFit, signal: abort.signal });
        fits = { runs, heldOut: new Array<boolean>(runs.N.length).fill(false), lossFit: loss, taskFit: task };
      }
      if (abort !== this.fitAbort) return;
      this.fits = fits;
    } catch (error) {
      if (abort !== this.fitAbort || isAbort(error)) return;
      this.fitError = error;
    } finally {
      if (abort === this.fitAbort) {
        this.fitting = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Starts the chained intervals at `at` (the ray, then the held-out runs) with `resamples` replicates. */
  async startBootstrap(s: TaskSettings, at: readonly ChainPoint[]): Promise<void> {
    const fits = this.fits;
    if (!fits || this.bootState === 'running') return;
    this.clearBootstrap();
    const abort = new AbortController();
    this.bootAbort = abort;
    this.bootState = 'running';
    this.bootProgress = { done: 0, total: 2 * s.resamples };
    this.host.requestUpdate();
    try {
      await nextTask();
      abort.signal.throwIfAborted();
      const kept: number[] = [];
      fits.heldOut.forEach((h, i) => { if (!h) kept.push(i); });
      // The runs the two laws were fitted on: the intervals are those of the fits drawn.
      const training = kept.length === fits.runs.N.length ? fits.runs : selectRuns(fits.runs, kept);
      const band = await bootstrapChain(training, {
        ...stepOptions(s), at, resamples: s.resamples, signal: abort.signal,
        onProgress: (done, total) => { this.bootProgress = { done, total }; this.host.requestUpdate(); },
      });
      abort.signal.throwIfAborted();
      if (abort !== this.bootAbort || this.fits !== fits) return;
      this.band = band;
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

  cancelBootstrap(): void {
    if (this.bootState === 'running') this.bootAbort?.abort();
  }

  private clearBootstrap(): void {
    this.bootAbort?.abort();
    this.bootAbort = undefined;
    this.band = undefined;
    this.bootState = 'idle';
    this.bootProgress = undefined;
    this.bootError = undefined;
  }
}
