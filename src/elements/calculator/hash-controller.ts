/**
 * HashStateController: keeps a calculator's scenario in the URL hash while
 * its `hash-state` attribute is present (format and checks in hash.ts). It
 * reads the hash on connect, when the attribute appears and on `hashchange`;
 * it writes with `history.replaceState` (no history entry, no hashchange)
 * a moment after the scenario last changed — browsers throttle rapid history
 * writes, and a slider drag makes many — and at once on disconnect. The
 * scenario that was just read is not written back. Ignored parts of the hash
 * are kept in `problems` (shortened text) for the host to show as text.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CalculatorTranslate } from '../../i18n/index.js';
import { HASH_DEFAULTS, readHash, scenarioFields, validKey, writeHash, type HashProblem, type HashState } from './hash.js';
import type { Scenario } from './model.js';

export interface HashHost extends ReactiveControllerHost {
  /** The attribute: undefined = off; '' = key "calc"; otherwise the key. */
  hashState: string | undefined;
  translator(): CalculatorTranslate;
  mode: string;
  flops: number | string | undefined;
  laws: string | readonly string[] | undefined;
  hardware: string;
  gpus: number | string | undefined;
  days: number | string | undefined;
  mfu: number | string | undefined;
  price: number | string | undefined;
  inferenceTokens: number | string | undefined;
  drafts: object;
  problems: object;
  /** The scenario now shown, if valid. */
  currentScenario(): Scenario | undefined;
}

export const HASH_WRITE_MS = 250;

export class HashStateController implements ReactiveController {
  problems: HashProblem[] = [];
  private written?: string;
  private timer = 0;
  private on = false;

  constructor(private readonly host: HashHost & HTMLElement) {
    host.addController(this);
  }

  /** The entry name in the hash. */
  key(): string {
    const k = this.host.hashState?.trim();
    return k && validKey(k) ? k : HASH_DEFAULTS.key;
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.read);
    this.on = this.host.hashState !== undefined;
    if (this.on) this.read();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.read);
    if (this.timer) this.write();
  }

  /** A `hash-state` attribute that just appeared reads the hash (after this update, as a new one). */
  hostUpdate(): void {
    const on = this.host.hashState !== undefined;
    if (on && !this.on) queueMicrotask(this.read);
    this.on = on;
  }

  /** After each update: schedules a write when the scenario changed since it was last read or written. */
  hostUpdated(): void {
    const s = this.host.currentScenario();
    if (!this.on || !s) return;
    const fields = scenarioFields(s);
    this.written ??= fields;
    if (fields === this.written) return;
    this.written = fields;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(this.write, HASH_WRITE_MS);
  }

  private read = (): void => {
    if (this.host.hashState === undefined) return;
    const { found, state, problems } = readHash(location.hash, this.key(), this.host.translator());
    this.problems = problems;
    if (found) this.apply(state);
    this.written = undefined;
    this.host.requestUpdate();
  };

  /** Sets the host's properties from what the hash says; clears half-typed form text. */
  private apply(s: HashState): void {
    const h = this.host;
    if (s.mode) h.mode = s.mode;
    if (s.C !== undefined) h.flops = s.C;
    if (s.laws) h.laws = s.laws.join(',');
    if (s.hardware) h.hardware = s.hardware;
    for (const k of ['gpus', 'days', 'mfu', 'price', 'inferenceTokens'] as const) if (s[k] !== undefined) h[k] = s[k];
    h.drafts = {};
    h.problems = {};
  }

  /** Writes the current scenario into the hash now (other hash entries are kept). */
  write = (): void => {
    clearTimeout(this.timer);
    this.timer = 0;
    const s = this.host.currentScenario();
    if (!s || this.host.hashState === undefined) return;
    const next = writeHash(location.hash, this.key(), s);
    if (next !== location.hash) history.replaceState(history.state, '', next);
    if (this.problems.length) (this.problems = [], this.host.requestUpdate());
  };
}
