/** Plain-text rendering of results for the terminal. */

import type { FitResult } from '../core/fit.js';
import type { ComputeOptimal } from '../core/law.js';
import type { Diagnostic } from '../core/diagnostic-codes.js';

import { formatLaw } from '../core/law-text.js';
import { countText, sig } from '../format/numbers.js';
import { describeDiagnostic, formatList, publishedName, undeterminedParameters } from '../i18n/diagnostics.js';
import { describeStatus } from '../i18n/status.js';
export { sig };

/** One line: line breaks (and other control characters) that came from the input are shown escaped. */
export const oneLine = (text: string): string => text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

/** A fitting loss as the output names it ("Huber δ=0.001 on log loss"). */
export function lossWords(loss: string, delta: number): string {
  const words: Record<string, string> = {
    huber: `Huber δ=${delta} on log loss`, squared: 'squared log residuals', 'squared-raw': 'squared residuals', asymmetric: 'asymmetric loss',
    'squared-log1p': 'squared residuals of log(1 + loss)',
  };
  return words[loss] ?? loss;
}

/** Which column fed each quantity: "N=params, D=tokens, loss=c4_loss" (and C, metric, U, weight where read). */
export function columnsLine(columns: Readonly<Partial<Record<'N' | 'D' | 'C' | 'loss' | 'metric' | 'U' | 'weight', string>>>): string {
  return (['N', 'D', 'C', 'loss', 'metric', 'U', 'weight'] as const).filter((k) => columns[k] !== undefined).map((k) => `${k}=${columns[k]}`).join(', ');
}

/**
 * A result's diagnostics for stderr, one line each: "warning: <sentence>"
 * (the prefix is the severity), in English, parameters named as the law prints
 * them. '' when there are none.
 */
export function formatDiagnostics(list: readonly Diagnostic[], form: string): string {
  return list.map((d) => oneLine(`${d.severity}: ${describeDiagnostic(d, 'en', { name: (k) => publishedName(form, k) })}`)).join('\n');
}

/** The published value a raw parameter stands for (breaks flattened: d1 → breaks[0].d), if any. */
function publishedValue(params: object, name: string): number | undefined {
  const p = params as Record<string, unknown>;
  if (typeof p[name] === 'number') return p[name] as number;
  const m = /^([a-z])(\d+)$/.exec(name);
  const b = m && Array.isArray(p.breaks) ? (p.breaks[Number(m[2]) - 1] as Record<string, number> | undefined) : undefined;
  return b && m ? b[m[1]] : undefined;
}

/**
 * "A ± 23.61, B ± 290.4, E ± 0.01912, alpha ± 0.004181, …" (θ order): the
 * standard errors on the published scale (a scale parameter X is fitted as
 * ln X, so by the delta method SE(X) ≈ X·SE(ln X)); "not determined" where a
 * diagnostic says so or the curvature gives none.
 */
function formatStandardErrors(r: FitResult): string {
  const errors = r.standardErrors;
  if (Object.keys(errors).length === 0) return '';
  if (r.scale) return '  standard errors: none for the free-scale estimate (run bootstrap for intervals)';
  const loose = undeterminedParameters(r.diagnostics, r.form);
  const parts = Object.entries(errors).map(([theta, se]) => {
    const name = publishedName(r.form, theta);
    if (loose.has(theta) || !Number.isFinite(se)) return `${name} not determined`;
    const scale = name === theta ? 1 : publishedValue(r.params, name); // θ is the parameter itself, or its log
    return scale === undefined ? `ln ${name} ± ${sig(se, 4)}` : `${name} ± ${sig(Math.abs(scale) * se, 4)}`;
  });
  return `  standard errors: ${parts.join(', ')}`;
}

/** "converged (status in words)", never a plain success when a diagnostic warns: "…, with 1 error and 2 warnings (on stderr)". */
function formatStatus(r: FitResult): string {
  const list = r.diagnostics;
  const counted = (['error', 'warning'] as const)
    .map((s) => [s, list.filter((d) => d.severity === s).length] as const)
    .filter(([, k]) => k > 0).map(([s, k]) => `${k} ${s}${k === 1 ? '' : 's'}`);
  const cert = r.certified ? '; global optimum certified' : '; global optimum not certified';
  const flagged = counted.length ? `, with ${formatList(counted, 'en')} (on stderr)` : '';
  return `${r.converged ? 'converged' : 'NOT converged'} (${describeStatus(r.status, 'en')})${flagged}${cert}`;
}

/**
 * 1.234e11 → "123.4B": parameters and tokens with the page's SI suffixes
 * (src/format/numbers.ts), to four significant digits in the terminal.
 */
export const count = (x: number): string => countText(x, 4);

export function formatFit(r: FitResult): string {
  const where = r.workers > 0 ? `${r.engine} engine, ${r.workers} workers` : `${r.engine} engine`;
  const lossName = lossWords(r.loss, r.delta);
  return [
    `${r.form} fit of ${r.runs} runs (${lossName}; ${r.strategy} strategy, ${r.starts.total} ${r.starts.total === 1 ? 'start' : 'starts'}; ${where}; ${(r.ms / 1000).toFixed(2)} s)`,
    `  ${formatLaw(r.law)}`,
    formatStandardErrors(r),
    r.scale ? `  free scale σ = ${r.scale.sigma.toExponential(5)} (ln σ = ${r.scale.lnSigma.toFixed(6)}), negative log-likelihood ${r.scale.negLogLikelihood.toPrecision(12)} (Huber likelihood, δ = ${r.delta})` : '',
    `  objective ${r.objective.toPrecision(16)}; ${formatStatus(r)}`,
    `  starts ending within 1e-9 of the best: ${r.starts.withinTolerance} of ${r.starts.total}; evaluations ${r.evaluations}`,
    `  columns: ${columnsLine(r.columns)}`,
  ].filter((line) => line !== '').join('\n');
}

export function formatOptimal(o: ComputeOptimal): string {
  return [
    `Compute-optimal allocation of C = ${o.C.toExponential(3)} FLOPs (C = 6ND):`,
    `  N* = ${count(o.N)} parameters, D* = ${count(o.D)} tokens, ${sig(o.tokensPerParam, 4)} tokens per parameter`,
    `  predicted loss ${sig(o.loss, 6)}; G = ${sig(o.G, 4)}, N* ∝ C^${sig(o.a, 4)}, D* ∝ C^${sig(o.b, 4)}`,
  ].join('\n');
}

/**
 * The diagnostics of two results on stderr: a line both say once, as is; the
 * rest each labelled after its severity ("warning: loss law: …").
 */
export function labelledDiagnostics(first: { label: string; list: readonly Diagnostic[]; form: string }, second: { label: string; list: readonly Diagnostic[]; form: string }): string {
  const lines = (d: typeof first) => formatDiagnostics(d.list, d.form).split('\n').filter((l) => l !== '');
  const a = lines(first), b = lines(second);
  const label = (text: string) => (line: string) => line.replace(/^(\w+): /, `$1: ${text}: `);
  return [
    ...a.filter((x) => b.includes(x)),
    ...a.filter((x) => !b.includes(x)).map(label(first.label)),
    ...b.filter((x) => !a.includes(x)).map(label(second.label)),
  ].join('\n');
}

