/**
 * Chained prediction, compute → loss → benchmark score: a loss law gives the
 * loss at a run's size (N and D, or a compute budget C spent compute-optimally),
 * and a task law turns that loss into a score (Gadre et al. 2024; the OLMo 2
 * model ladder, Bhagia et al. 2024; docs/laws.md, "Task laws").
 */

import { optionError } from '../i18n/error-words/fit.js';
import { clip } from './limits.js';
import { checkLaw, evaluateLaw, isTwoVariable, type Law, type LawPoint, type LossLaw, type TaskLaw } from './forms-eval.js';
import { isTaskForm } from '../laws/index.js';
import { optimalAllocation, type PlanOptions } from './planning.js';

/** Where a chain is evaluated: N and D (and U for the data-constrained law), or C alone (spent compute-optimally). */
export type ChainPoint = Pick<LawPoint, 'N' | 'D' | 'C' | 'U'>;

export interface ChainPrediction {
  /** The point, with N and D filled in when only C was given (the loss law's compute-optimal split). */
  N: number;
  D: number;
  C: number;
  /** The loss law's loss there. */
  loss: number;
  /** The task law's score at that loss. */
  metric: number;
}

/** Most points one call evaluates (a fixed limit; a chart needs a few hundred). */
export const CHAIN_MAX_POINTS = 100_000;

/** Throws an OptionError unless `law` is a loss law (`option` names it) / a task law. */
export function checkChainLaws(lossLaw: Law, taskLaw: Law): void {
  checkLaw(lossLaw, 'lossLaw');
  checkLaw(taskLaw, 'taskLaw');
  if (isTaskForm(lossLaw.form)) throw optionError('lossLaw', 'chain-loss-law-is-task', { form: lossLaw.form });
  if (!isTaskForm(taskLaw.form)) throw optionError('taskLaw', 'chain-task-law-not-task', { form: taskLaw.form });
}

const positive = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/** The loss law's loss at one point, and the (N, D, C) it was taken at. */
function lossAt(law: LossLaw, point: ChainPoint, index: number, plan: PlanOptions | undefined): Omit<ChainPrediction, 'metric'> {
  if (point === null || typeof point !== 'object') throw optionError(`points[${index}]`, 'chain-point-not-object', { index, got: clip(String(point)) });
  const { N, D, C } = point;
  if (isTwoVariable(law) && N === undefined && D === undefined) {
    if (!positive(C)) throw optionError(`points[${index}].C`, 'chain-point-needs', { index });
    const a = optimalAllocation(law, C, plan);
    return { N: a.N, D: a.D, C, loss: a.loss };
  }
  const k = plan?.flopsPerToken ?? 6;
  const n = N ?? NaN, d = D ?? NaN;
  return { N: n, D: d, C: C ?? k * n * d, loss: evaluateLaw(law, { ...point, C: C ?? k * n * d }) };
}

/**
 * The chained prediction at each point: loss from `lossLaw`, then score from
 * `taskLaw` at that loss. A point with C alone is spent compute-optimally
 * under the loss law (`plan.flopsPerToken`, default 6 as in C = 6ND).
 */
export function predictChain(lossLaw: LossLaw, taskLaw: TaskLaw, points: readonly ChainPoint[], plan?: PlanOptions): ChainPrediction[] {
  checkChainLaws(lossLaw, taskLaw);
  if (!Array.isArray(points)) throw optionError('points', 'chain-points-not-array', {});
  if (points.length > CHAIN_MAX_POINTS) throw optionError('points', 'chain-too-many-points', { max: CHAIN_MAX_POINTS, count: points.length });
  return points.map((point, i) => {
    const at = lossAt(lossLaw, point, i, plan);
    return { ...at, metric: evaluateLaw(taskLaw, { L: at.loss }) };
  });
}
