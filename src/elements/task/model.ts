/**
 * What <scaling-task> shows, as plain data: its settings read from attributes
 * (validated once, errors naming the attribute), and the plot model built from
 * the runs, the two fitted steps and the chained intervals — the chain along
 * a tokens-per-parameter ray, each held-out run's own prediction, the task
 * law over the losses shown. Pure: every number comes from the core
 * (predictChain, evaluateLaw); nothing here touches the page.
 */

import { median } from 'd3-array';
import type { Runs } from '../../core/runs-types.js';
import type { FitResult } from '../../core/fit.js';
import type { FitOptions } from '../../core/fit-options.js';
import type { ChainBootstrapResult } from '../../core/chain-bootstrap.js';
import { predictChain, type ChainPoint } from '../../core/chain.js';
import { evaluateLaw, type LossLaw, type TaskLaw } from '../../core/forms-eval.js';
import { FORM_IDS, LOSS_IDS, type FormName, type LossName } from '../../laws/names.js';
import { isTaskForm } from '../../laws/index.js';
import { extent, logDomain } from '../../chart/scales.js';
import type { Interval } from '../../chart/marks/band.js';
import type { XY } from '../../chart/marks/line.js';
import type { TaskTranslate } from '../../i18n/index.js';
import { isolate } from '../../chart/isolate.js';
import { AttributeError, choiceAttr, positiveAttr } from '../attributes.js';
import { parseNumber } from '../../format/parse-number.js';

export type TaskView = 'metric' | 'loss' | 'step';
export const TASK_VIEWS: readonly TaskView[] = ['metric', 'loss', 'step'];
const TASK_FORMS = ['task-exp', 'task-sigmoid'] as const;
type TaskForm = (typeof TASK_FORMS)[number];
const LOSS_FORMS = (Object.keys(FORM_IDS) as FormName[]).filter((f) => !isTaskForm(f));

export const TASK_DEFAULTS = {
  form: 'chinchilla' as FormName,
  loss: 'huber' as LossName,
  taskForm: 'task-exp' as TaskForm,
  view: 'metric' as TaskView,
  /** Resamples of the chained intervals (each refits both laws). */
  resamples: 1000,
  /** The most the `bootstrap` attribute accepts (a fixed limit, as in the CLI). */
  maxResamples: 100_000,
  level: 0.95,
  /** Points along the chained prediction (and its band). */
  samples: 48,
};

export interface TaskInputs {
  form?: string; loss?: string; taskForm?: string; holdout?: unknown; chance?: unknown;
  tokensPerParam?: unknown; view?: string; bootstrap?: unknown;
}

export interface TaskSettings {
  form: FormName;
  loss: LossName;
  taskForm: TaskForm;
  /** How many of the largest-compute runs are held out (0: fit on all). */
  holdout: number;
  chance: number | undefined;
  /** Tokens per parameter along the drawn chain; undefined: the fitted runs' median. */
  tokensPerParam: number | undefined;
  view: TaskView;
  resamples: number;
}

function wholeAttr(value: unknown, attr: 'holdout' | 'bootstrap', min: number, max: number, t: TaskTranslate): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = parseNumber(value);
  if (!(Number.isInteger(n) && n >= min && n <= max)) {
    throw new AttributeError(attr, attr === 'holdout' ? t('taskErrHoldout', { max, value: isolate(String(value)) }) : t('fitErrInteger', { attr, value: isolate(String(value)), min }));
  }
  return n;
}

/** Validated settings; throws an AttributeError naming the attribute. */
export function readSettings(i: TaskInputs, t: TaskTranslate): TaskSettings {
  let chance: number | undefined;
  if (i.chance !== undefined && i.chance !== null) {
    chance = parseNumber(i.chance);
    if (!Number.isFinite(chance)) throw new AttributeError('chance', t('taskErrChance', { value: isolate(String(i.chance)) }));
  }
  return {
    form: choiceAttr(i.form, 'form', LOSS_FORMS, TASK_DEFAULTS.form, t),
    loss: choiceAttr(i.loss, 'loss', Object.keys(LOSS_IDS) as LossName[], TASK_DEFAULTS.loss, t),
    taskForm: choiceAttr(i.taskForm, 'task-form', TASK_FORMS, TASK_DEFAULTS.taskForm, t),
    // The core refuses holding out all but fewer than 5 runs, in words; 1000 bounds the attribute itself.
    holdout: wholeAttr(i.holdout, 'holdout', 0, 1000, t) ?? 0,
    chance,
    tokensPerParam: positiveAttr(i.tokensPerParam, 'tokens-per-param', t),
    view: choiceAttr(i.view, 'view', TASK_VIEWS, TASK_DEFAULTS.view, t),
    resamples: wholeAttr(i.bootstrap, 'bootstrap', 1, TASK_DEFAULTS.maxResamples, t) ?? TASK_DEFAULTS.resamples,
  };
}

/** The two steps' fit options: the loss law on the loss column, the task law (its papers' least squares) on the score. */
export const stepOptions = (s: TaskSettings): { lossFit: FitOptions; taskFit: FitOptions } => ({
  lossFit: { form: s.form, loss: s.loss },
  taskFit: { form: s.taskForm },
});

export const taskKeyOf = (s: TaskSettings): string => JSON.stringify([stepOptions(s), s.holdout]);

/** What the jobs hand the model: both fits, and which runs were held out of them. */
export interface TaskFits {
  runs: Runs;
  heldOut: boolean[];
  lossFit: FitResult;
  taskFit: FitResult;
}

/** A held-out run's measured values and chained prediction (with its interval once computed). */
export interface HeldOutMark {
  index: number;
  C: number;
  loss: number;
  metric: number;
  predictedLoss: number;
  predicted: number;
  lossInterval?: Interval;
  interval?: Interval;
}

export interface TaskPlot {
  runs: Runs;
  fits: TaskFits;
  metric: Float64Array;
  /** Tokens per parameter along the drawn chain. */
  ratio: number;
  /** The compute range shown; the chain is drawn across it. */
  domain: [number, number];
  /** The chain along the ray: C → loss, C → score. */
  lossLine: XY[];
  metricLine: XY[];
  /** The task law over the losses shown: loss → score. */
  stepLine: XY[];
  /** The chained intervals along the ray, once computed. */
  lossBand?: Interval[];
  metricBand?: Interval[];
  heldOut: HeldOutMark[];
  /** Chained prediction of every run's score from its N and D. */
  chained: Float64Array;
  chance: number | undefined;
}

/** Points along the ray D = r·N across the compute domain (C = 6ND), then each held-out run's own N and D. */
export function chainPoints(domain: [number, number], ratio: number, runs: Runs, heldOut: readonly boolean[], samples = TASK_DEFAULTS.samples): ChainPoint[] {
  const [lo, hi] = domain.map(Math.log);
  const ray: ChainPoint[] = Array.from({ length: samples }, (_, k) => {
    const C = Math.exp(lo + ((hi - lo) * k) / (samples - 1)), N = Math.sqrt(C / (6 * ratio));
    return { N, D: ratio * N, C };
  });
  const own: ChainPoint[] = [];
  heldOut.forEach((h, i) => { if (h) own.push({ N: runs.N[i], D: runs.D[i], C: runs.C[i], U: runs.U?.[i] ?? runs.D[i] }); });
  return ray.concat(own);
}

/** The fitted runs' median tokens per parameter, unless the author set one. */
export function rayRatio(s: TaskSettings, runs: Runs, heldOut: readonly boolean[]): number {
  if (s.tokensPerParam) return s.tokensPerParam;
  const ratios: number[] = [];
  heldOut.forEach((h, i) => { if (!h) ratios.push(runs.D[i] / runs.N[i]); });
  return median(ratios) ?? 20;
}

export const computeDomain = (runs: Runs): [number, number] => logDomain(extent(runs.C, true) ?? [1e18, 1e22], 0.08);

export function buildTaskPlot(fits: TaskFits, s: TaskSettings, band: ChainBootstrapResult | undefined): TaskPlot {
  const { runs, heldOut } = fits;
  const metric = runs.metric!;
  const lossLaw = fits.lossFit.law as LossLaw, taskLaw = fits.taskFit.law as TaskLaw;
  const ratio = rayRatio(s, runs, heldOut);
  const domain = computeDomain(runs);
  const at = chainPoints(domain, ratio, runs, heldOut);
  const chain = predictChain(lossLaw, taskLaw, at);
  const ray = chain.slice(0, TASK_DEFAULTS.samples), own = chain.slice(TASK_DEFAULTS.samples);
  const iv = band?.predictions;
  const heldMarks: HeldOutMark[] = [];
  heldOut.forEach((h, i) => {
    if (!h) return;
    const k = heldMarks.length, p = own[k], b = iv?.[TASK_DEFAULTS.samples + k];
    heldMarks.push({
      index: i, C: runs.C[i], loss: runs.loss[i], metric: metric[i], predictedLoss: p.loss, predicted: p.metric,
      ...(b && { lossInterval: { x: runs.C[i], lo: b.loss.lo, hi: b.loss.hi }, interval: { x: runs.C[i], lo: b.metric.lo, hi: b.metric.hi } }),
    });
  });
  const losses = Array.from(runs.loss).concat(heldMarks.map((m) => m.predictedLoss));
  const [l0, l1] = extent(losses, true) ?? [2, 4];
  const pad = 0.06 * (l1 - l0 || 1);
  const stepLine = Array.from({ length: 96 }, (_, k) => {
    const L = l0 - pad + ((l1 - l0 + 2 * pad) * k) / 95;
    return { x: L, y: evaluateLaw(taskLaw, { L }) };
  });
  const chained = Float64Array.from(predictChain(lossLaw, taskLaw, Array.from(runs.N, (N, i) => ({ N, D: runs.D[i], C: runs.C[i], U: runs.U?.[i] ?? runs.D[i] }))), (p) => p.metric);
  return {
    runs, fits, metric, ratio, domain,
    lossLine: ray.map((p) => ({ x: p.C, y: p.loss })),
    metricLine: ray.map((p) => ({ x: p.C, y: p.metric })),
    stepLine,
    ...(iv && {
      lossBand: iv.slice(0, TASK_DEFAULTS.samples).map((p) => ({ x: p.C, lo: p.loss.lo, hi: p.loss.hi })),
      metricBand: iv.slice(0, TASK_DEFAULTS.samples).map((p) => ({ x: p.C, lo: p.metric.lo, hi: p.metric.hi })),
    }),
    heldOut: heldMarks, chained, chance: s.chance,
  };
}

/** Mean absolute relative error of the held-out scores, or NaN with none held out. */
export function meanRelativeError(m: TaskPlot): number {
  if (m.heldOut.length === 0) return NaN;
  return m.heldOut.reduce((s, h) => s + Math.abs((h.predicted - h.metric) / h.metric), 0) / m.heldOut.length;
}
