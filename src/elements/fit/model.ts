/**
 * What <scaling-fit> shows, as plain data: its settings read from attributes
 * (validated once, errors naming the attribute), and the plot model built from
 * the runs and the FitResult — per-run predictions and residuals, model-size
 * colour groups, the fitted law's lines per size, the compute-optimal
 * frontier. Pure: every number comes from the core (evaluateLaw,
 * optimalAllocation through chart/sample.ts); nothing here touches the page.
 */

import { max, min } from 'd3-array';
import type { Runs } from '../../core/runs-types.js';
import type { FitResult } from '../../core/fit.js';
import { STRATEGIES, type FitOptions, type Strategy } from '../../core/fit-options.js';
import { evaluateLaw, isTwoVariable, type Law, type LossVariable } from '../../core/forms-eval.js';
import { FORM_IDS, LOSS_IDS, type FormName, type LossName } from '../../laws/names.js';
import { isTaskForm } from '../../laws/index.js';
import { sampleLaw, type Sample } from '../../chart/sample.js';
import { extent, logBin, logDomain, type ScaleType } from '../../chart/scales.js';
import type { Interval } from '../../chart/marks/band.js';
import { formatValue } from '../../chart/ticks.js';
import type { FitTranslate } from '../../i18n/index.js';
import { isolate } from '../../chart/isolate.js';
import { AttributeError, choiceAttr, positiveAttr } from '../attributes.js';
import { parseNumber } from '../../format/parse-number.js';
import { allocationUndetermined, lockstepRatio } from './params.js';

export const FIT_DEFAULTS = {
  form: 'chinchilla' as FormName,
  loss: 'huber' as LossName,
  strategy: 'fast' as Strategy,
  x: 'C' as LossVariable,
  /** Resamples when the `bootstrap` attribute is absent. */
  resamples: 4000,
  level: 0.95,
  /** Colour classes for model sizes (size-0 … size-5). */
  sizeBins: 6,
  /** Samples along each drawn curve. */
  samples: 120,
  /** Points of the bootstrap band. */
  bandPoints: 64,
};

/** The raw attribute values, as the element holds them. */
export interface FitInputs {
  form?: string;
  loss?: string;
  strategy?: string;
  x?: string;
  dropHighest?: number | string;
  bootstrap?: number | string;
  budget?: number | string;
}

export interface FitSettings {
  form: FormName;
  loss: LossName;
  strategy: Strategy;
  x: LossVariable;
  dropHighest: number | undefined;
  resamples: number;
  budget: number | undefined;
}

function integerAttr(value: unknown, attr: string, min: number, t: FitTranslate): number | undefined {
  // A bare attribute (<scaling-fit bootstrap>) is '' here: a mistake to show, not a default to assume.
  if (value === undefined || value === null) return undefined;
  const n = parseNumber(value);
  if (!(Number.isInteger(n) && n >= min)) throw new AttributeError(attr, t('fitErrInteger', { attr, value: isolate(String(value)), min }));
  return n;
}

/** Validated settings; throws an AttributeError naming the attribute. */
/** The forms this element fits and draws: loss laws (task laws predict a score, not a loss). */
const LOSS_FORMS = (Object.keys(FORM_IDS) as FormName[]).filter((f) => !isTaskForm(f));

export function readSettings(i: FitInputs, t: FitTranslate): FitSettings {
  return {
    form: choiceAttr(i.form, 'form', LOSS_FORMS, FIT_DEFAULTS.form, t),
    loss: choiceAttr(i.loss, 'loss', Object.keys(LOSS_IDS) as LossName[], FIT_DEFAULTS.loss, t),
    strategy: choiceAttr(i.strategy, 'strategy', STRATEGIES, FIT_DEFAULTS.strategy, t),
    x: choiceAttr(i.x, 'x', ['C', 'N', 'D'] as const, FIT_DEFAULTS.x, t),
    dropHighest: integerAttr(i.dropHighest, 'drop-highest', 0, t),
    resamples: integerAttr(i.bootstrap, 'bootstrap', 1, t) ?? FIT_DEFAULTS.resamples,
    budget: positiveAttr(i.budget, 'budget', t),
  };
}

const SINGLE: readonly FormName[] = ['power', 'saturating', 'broken'];

/** The core's fit options for the settings: a one-variable form is fitted against x. */
export function fitOptionsOf(s: FitSettings): FitOptions {
  return { form: s.form, loss: s.loss, strategy: s.strategy, ...(SINGLE.includes(s.form) && { variable: s.x }) };
}

/** What a new fit depends on (the runs aside): changing x refits one-variable forms only. */
export const fitKeyOf = (s: FitSettings): string => JSON.stringify(fitOptionsOf(s));

/**
 * The element offers bootstrap intervals for the Chinchilla form, with any loss (the refits use the
 * fit's own loss): its table and frontier band are drawn from A, B, E, α, β. The API bootstraps every form.
 */
export const canBootstrap = (s: FitSettings, runs: Runs | undefined): boolean =>
  s.form === 'chinchilla' && !!runs && runs.N.length >= 5;

/** A colour group of runs by model size. */
export interface SizeGroup {
  className: string;
  label: string;
  /** Geometric mean N of the group: where its law line is drawn. */
  N: number;
  indices: number[];
}

/** Runs in up to six groups by log N (size-0 smallest), labelled "44M–120M" or "1.2B". */
export function sizeGroups(runs: Runs): { groups: SizeGroup[]; classOf: string[] } {
  const span = extent(runs.N, true) ?? [1, 10];
  const bins = new Map<number, number[]>();
  const classOf = Array.from(runs.N, (N, i) => {
    const b = logBin(N, span, FIT_DEFAULTS.sizeBins);
    // Appended in place: copying the bin for each run made this quadratic in the runs.
    const bin = bins.get(b);
    if (bin) bin.push(i); else bins.set(b, [i]);
    return `size-${b}`;
  });
  const groups = [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([b, indices]) => {
    const Ns = indices.map((i) => runs.N[i]);
    // Not Math.min(...Ns): a spread of ~130k values overflows the stack.
    const lo = min(Ns)!, hi = max(Ns)!;
    const N = Math.exp(Ns.reduce((s, v) => s + Math.log(v), 0) / Ns.length);
    const label = formatValue('count', lo, 2) === formatValue('count', hi, 2) ? formatValue('count', lo, 2) : `${formatValue('count', lo, 2)}–${formatValue('count', hi, 2)}`;
    return { className: `size-${b}`, label, N, indices };
  });
  return { groups, classOf };
}

/** A curve of the fitted law: a line per model size, or the law of x alone. */
export interface LawLine { className: string; label: string; samples: Sample[] }

export interface FitPlot {
  x: LossVariable;
  runs: Runs;
  /** Full x range (the runs, padded) and the range shown (zoomed or full). */
  domain: [number, number];
  view: [number, number];
  yType: ScaleType;
  groups: SizeGroup[];
  classOf: string[];
  /** Per-run prediction L̂ and residual ln L − ln L̂ (NaN before the fit or where the law is undefined). */
  predicted: Float64Array;
  residual: Float64Array;
  lines: LawLine[];
  /** L*(C) along the compute-optimal allocation, as (x, loss) with x the chosen variable. */
  frontier: Sample[];
  band: Interval[] | undefined;
  law: Law | undefined;
}

/** Predicted loss of every run under the law (NaN where it cannot be evaluated). */
export function predictions(runs: Runs, law: Law): Float64Array {
  return Float64Array.from(runs.N, (N, i) => {
    try {
      return evaluateLaw(law, { N, D: runs.D[i], C: runs.C[i], U: runs.U?.[i] ?? runs.D[i] });
    } catch {
      return NaN;
    }
  });
}

/** The compute-optimal frontier over the C range that covers `domain` of x. */
export function frontierOf(law: Law, x: LossVariable, runs: Runs, domain: [number, number]): Sample[] {
  if (!isTwoVariable(law)) return [];
  const cRange: [number, number] = x === 'C' ? domain : logDomain(extent(runs.C, true) ?? [1e18, 1e22], 1);
  try {
    const samples = sampleLaw(law, 'C', { kind: 'optimal' }, cRange, { samples: FIT_DEFAULTS.samples });
    return samples.map((s) => ({ ...s, x: s[x] }));
  } catch {
    return [];
  }
}

function lawLines(law: Law, x: LossVariable, runs: Runs, groups: SizeGroup[], domain: [number, number], t: FitTranslate): LawLine[] {
  if (!isTwoVariable(law)) {
    try {
      return [{ className: 'fitted', label: t('fitLawLine'), samples: sampleLaw(law, x, { kind: 'none' }, domain, { samples: FIT_DEFAULTS.samples }) }];
    } catch {
      return [];
    }
  }
  if (x === 'N') return [];
  return groups.flatMap((g) => {
    const xs = extent(g.indices.map((i) => runs[x][i]), true);
    if (!xs) return [];
    try {
      const samples = sampleLaw(law, x, { kind: 'fixed-N', N: g.N }, logDomain(xs, 0.15), { samples: 48 });
      return [{ className: g.className, label: `N = ${formatValue('count', g.N, 2)}`, samples }];
    } catch {
      return [];
    }
  });
}

/**
 * Runs all at one tokens-per-parameter ratio determine the law along that ratio
 * and nothing across it: one line along the ratio over the whole view, instead
 * of lines at fixed N that would leave it.
 */
function ratioLine(law: Law, x: LossVariable, ratio: number, view: [number, number], t: FitTranslate): LawLine[] {
  try {
    const samples = sampleLaw(law, x, { kind: 'ratio', tokensPerParam: ratio }, view, { samples: FIT_DEFAULTS.samples });
    return [{ className: 'fitted', label: t('fitLawRatio', { ratio: formatValue('decimal', ratio, 3) }), samples }];
  } catch {
    return [];
  }
}

export interface PlotInputs {
  runs: Runs;
  result: FitResult | undefined;
  x: LossVariable;
  view: [number, number] | null;
  band: Interval[] | undefined;
}

export function buildFitPlot(p: PlotInputs, t: FitTranslate): FitPlot {
  const { runs, result, x } = p;
  const domain = logDomain(extent(runs[x], true) ?? [1, 10], 0.06);
  const view: [number, number] = p.view ? [p.view[0], p.view[1]] : domain;
  const { groups, classOf } = sizeGroups(runs);
  const law = result?.law as Law | undefined;
  const predicted = law ? predictions(runs, law) : new Float64Array(runs.N.length).fill(NaN);
  const residual = Float64Array.from(runs.loss, (L, i) => Math.log(L) - Math.log(predicted[i]));
  const ratio = result ? lockstepRatio(result) : undefined;
  return {
    x, runs, domain, view, yType: 'log', groups, classOf, predicted, residual, law,
    lines: !law ? [] : ratio !== undefined && isTwoVariable(law) ? ratioLine(law, x, ratio, view, t) : lawLines(law, x, runs, groups, view, t),
    // The frontier only where the data determine how compute splits between N and D.
    frontier: law && !(result && allocationUndetermined(result).split) ? frontierOf(law, x, runs, view) : [],
    band: p.band,
  };
}
