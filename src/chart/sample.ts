/**
 * A law as a curve: its loss sampled along N, D or C (evenly in log x) while
 * the other variable is held by a rule — a fixed ratio D = r·N (Chinchilla's
 * 20 tokens per parameter), a fixed N or D, or the compute-optimal split of
 * each budget C (planning.ts). Training compute is C = k·N·D with k = 6 by
 * default. The numbers come from the core (evaluateLaw, optimalAllocation);
 * this module only walks x and maps it to a point.
 */

import { evaluateLaw, isTwoVariable, type Law, type LossVariable } from '../core/forms-eval.js';
import { optimalAllocation } from '../core/planning.js';
import { OptionError } from '../errors.js';

export type Hold =
  | { kind: 'ratio'; tokensPerParam: number }
  | { kind: 'fixed-N'; N: number }
  | { kind: 'fixed-D'; D: number }
  | { kind: 'optimal' }
  /** One-variable law drawn against its own variable: nothing to hold. */
  | { kind: 'none' };

export interface Sample { x: number; y: number; N: number; D: number; C: number }

export interface SampleOptions {
  /** Training FLOPs per parameter per token; default 6. */
  flopsPerToken?: number;
  /** Unique tokens for the data-constrained form; default D (no repetition). */
  U?: number;
  /** Number of samples; default 160. */
  samples?: number;
}

export const SAMPLE_DEFAULTS = { flopsPerToken: 6, samples: 160, tokensPerParam: 20 };

/** The usual hold: nothing for a law of x alone, compute-optimal along C, else 20 tokens per parameter. */
export function defaultHold(law: Law, x: LossVariable): Hold {
  if (!isTwoVariable(law) && law.variable === x) return { kind: 'none' };
  if (x === 'C' && isTwoVariable(law)) return { kind: 'optimal' };
  return { kind: 'ratio', tokensPerParam: SAMPLE_DEFAULTS.tokensPerParam };
}

const bad = (why: string) => new OptionError('hold', `invalid hold: ${why}`);

/** N, D and C at x = value under the hold. */
export function pointAt(law: Law, x: LossVariable, value: number, hold: Hold, o: SampleOptions = {}): { N: number; D: number; C: number } {
  const k = o.flopsPerToken ?? SAMPLE_DEFAULTS.flopsPerToken;
  if (hold.kind === 'none') {
    if (isTwoVariable(law) || law.variable !== x) throw bad(`a law of ${lawVars(law)} needs a rule for the other variable when x is ${x}`);
    return { N: NaN, D: NaN, C: NaN, [x]: value } as { N: number; D: number; C: number };
  }
  if (hold.kind === 'optimal') {
    if (x !== 'C') throw bad(`compute-optimal holds only along C, not ${x}`);
    const a = optimalAllocation(law, value, { flopsPerToken: k, U: o.U });
    return { N: a.N, D: a.D, C: value };
  }
  if (x === 'N') {
    if (hold.kind === 'fixed-N') throw bad('N cannot be fixed when x is N');
    const N = value, D = hold.kind === 'ratio' ? hold.tokensPerParam * N : hold.D;
    return { N, D, C: k * N * D };
  }
  if (x === 'D') {
    if (hold.kind === 'fixed-D') throw bad('D cannot be fixed when x is D');
    const D = value, N = hold.kind === 'ratio' ? D / hold.tokensPerParam : hold.N;
    return { N, D, C: k * N * D };
  }
  const C = value;
  if (hold.kind === 'ratio') { const N = Math.sqrt(C / (k * hold.tokensPerParam)); return { N, D: hold.tokensPerParam * N, C }; }
  if (hold.kind === 'fixed-N') return { N: hold.N, D: C / (k * hold.N), C };
  return { N: C / (k * hold.D), D: hold.D, C };
}

const lawVars = (law: Law) => (isTwoVariable(law) ? 'N and D' : law.variable);

/** The law's loss at x = value: a sample with its N, D and C. */
export function sampleAt(law: Law, x: LossVariable, value: number, hold: Hold, o: SampleOptions = {}): Sample {
  const p = pointAt(law, x, value, hold, o);
  const y = evaluateLaw(law, { ...p, U: o.U ?? p.D });
  return { x: value, y, ...p };
}

/**
 * `samples` points evenly spaced in log x over [lo, hi]. A point the core
 * cannot evaluate becomes a gap (y = NaN); if none can be, the first error is thrown.
 */
export function sampleLaw(law: Law, x: LossVariable, hold: Hold, [lo, hi]: readonly [number, number], o: SampleOptions = {}): Sample[] {
  if (!(lo > 0 && hi > lo && Number.isFinite(hi))) throw new OptionError('domain', `invalid domain; expected 0 < from < to: ${lo}, ${hi}`);
  const n = Math.max(2, Math.round(o.samples ?? SAMPLE_DEFAULTS.samples));
  const a = Math.log(lo), b = Math.log(hi);
  const out: Sample[] = [];
  let firstError: unknown, good = 0;
  for (let i = 0; i < n; i++) {
    const v = i === 0 ? lo : i === n - 1 ? hi : Math.exp(a + ((b - a) * i) / (n - 1));
    try {
      const s = sampleAt(law, x, v, hold, o);
      out.push(s);
      if (Number.isFinite(s.y)) good++;
    } catch (error) {
      firstError ??= error;
      out.push({ x: v, y: NaN, N: NaN, D: NaN, C: NaN });
    }
  }
  if (good === 0 && firstError !== undefined) throw firstError;
  return out;
}
