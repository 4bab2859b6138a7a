/**
 * A benchmark's accuracy as a sigmoid of a loss (task loss or bits per byte),
 * Acc(L) = a / (1 + exp(−k·(L − x0))) + b: step 2 of the OLMo 2 model ladder
 * (Bhagia et al. 2024, "Establishing Task Scaling Laws via Compute-Efficient
 * Model Ladders", arXiv 2412.04403; parameters named as in their code,
 * `sigmoid(x, a, x0, k, b)`). b is the accuracy as the loss grows (near
 * chance) when k < 0, b + a the accuracy as it falls; x0 is the midpoint.
 */

import type { LawDescriptor } from './descriptor.js';
import type { TaskVariable } from './variables.js';
import { checkKeys } from './check.js';
import { distinct, extent, join, leastSquaresLine, mean, product, rowsOf } from './start-grid.js';

export interface TaskSigmoidParams { a: number; x0: number; k: number; b: number }
export type TaskSigmoidLaw = { form: 'task-sigmoid'; params: TaskSigmoidParams; variable: TaskVariable };

/** Steepness tried about the runs' centre, in units of 1/(range of L); both signs. */
const STEEPNESS = [-20, -6, -2, 2, 6, 20];

/** ln(p/(1 − p)). */
const logit = (p: number) => Math.log(p / (1 - p));

export const taskSigmoid: LawDescriptor<TaskSigmoidLaw> = {
  form: 'task-sigmoid',
  twoVariable: false,
  task: true,
  source: 'Bhagia et al. 2024 (arXiv 2412.04403)',
  thetaNames: () => ['a', 'x0', 'k', 'b'],
  publishedName: (t) => t,
  fromTheta: (_, t) => ({ form: 'task-sigmoid', variable: 'L', params: { a: t[0], x0: t[1], k: t[2], b: t[3] } }),
  toTheta: ({ params: q }) => [q.a, q.x0, q.k, q.b],
  // a/(1 + e^(−k(L − x0))) + b = −a/(1 + e^(k(L − x0))) + (a + b): the same curve
  // twice over. The one with a ≥ 0 is reported (k < 0: the metric rises as the loss falls).
  canonical: (t) => {
    if (t[0] < 0) [t[0], t[2], t[3]] = [-t[0], -t[2], t[0] + t[3]];
  },
  startGrid: (_, data) => {
    const x = data.input, [yLo, yHi] = extent(data.loss), [xLo, xHi] = extent(x);
    const span = Math.max(yHi - yLo, 1e-3 * Math.abs(yHi), 1e-12), width = Math.max(xHi - xLo, 1e-12);
    // Floors b below every metric and tops b + a above: between them the metric's
    // logit is a line in L, k·L − k·x0; its least-squares fit, and other
    // steepnesses through the runs' centre.
    const floors = distinct([0.05, 0.3, 1].map((c) => yLo - c * span));
    const tops = [0.05, 0.3, 1].map((c) => yHi + c * span);
    const xMid = mean(data, (i) => x[i]);
    const rows: number[][] = [];
    for (const b of floors) {
      for (const top of tops) {
        const a = top - b;
        const line = leastSquaresLine(x, data.loss.map((y) => logit((y - b) / a)), data.weight);
        if (Number.isFinite(line.slope) && line.slope !== 0) rows.push([a, -line.intercept / line.slope, line.slope, b]);
      }
    }
    const grid = product([tops.map((t) => t - floors[0]), [xLo, xMid, xHi], STEEPNESS.map((s) => s / width), [floors[0]]]);
    return join(rowsOf(rows), grid);
  },
  checkParams: (law, option) => checkKeys(law.params, option, [], [], ['a', 'x0', 'k', 'b']),
  evaluate: ({ params: q }, { x }) => q.a / (1 + Math.exp(-q.k * (x - q.x0))) + q.b,
  // Written with k·(x0 − L) = −k·(L − x0), so a negative k (the usual sign: accuracy
  // rises as the loss falls) prints without a double minus.
  text: ({ params: q }, s) => `Acc(L) = ${s(q.a)}/(1 + exp(${s(q.k)}·(${s(q.x0)} − L))) ${q.b < 0 ? '−' : '+'} ${s(Math.abs(q.b))}`,
  latexSymbols: ({ params: q }) => [['a', q.a], ['x_0', q.x0], ['k', q.k], ['b', q.b]],
  latexEquation: ({ params: q }, v) => `\\mathrm{Acc}(L) = \\frac{${v('a', q.a)}}{1 + e^{${v('k', q.k)}\\,(${v('x_0', q.x0)} - L)}} + ${v('b', q.b)}`,
  latexWhere: '',
  python: ({ params: q }) => ({
    args: 'L', formula: 'Acc(L) = a/(1 + exp(-k*(L - x0))) + b', math: true,
    constants: [['a', q.a], ['x0', q.x0], ['k', q.k], ['b', q.b]], lines: ['return a / (1 + math.exp(-k * (L - x0))) + b'],
  }),
  exponents: [],
  lockstepUndetermined: [],
  // a and b are not logs, so new units are not a shift of θ: no rescaling advice.
  unitShifts: () => [{}, {}, {}, {}],
  roleOf: (t) => (t === 'x0' || t === 'k' ? 'loss' : 'metric'),
};
