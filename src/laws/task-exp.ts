/**
 * A benchmark's error as a function of loss, Err(L) = ε − k·exp(−γ·L)
 * (Gadre et al. 2024, "Language models scale reliably with over-training and
 * on downstream tasks", arXiv 2403.08540): the second step of a compute →
 * loss → metric prediction. As the loss grows the error approaches ε (near
 * chance); k and γ say how fast it falls as the loss falls.
 */

import type { LawDescriptor } from './descriptor.js';
import type { TaskVariable } from './variables.js';
import { checkKeys } from './check.js';
import { distinct, extent, join, leastSquaresLine, mean, product, rowsOf } from './start-grid.js';

export interface TaskExpParams { eps: number; k: number; gamma: number }
export type TaskExpLaw = { form: 'task-exp'; params: TaskExpParams; variable: TaskVariable };

/** Rates of the exponential tried from every ceiling, in units of 1/(range of L). */
const RATES = [0.25, 1, 3, 10];

export const taskExp: LawDescriptor<TaskExpLaw> = {
  form: 'task-exp',
  twoVariable: false,
  task: true,
  source: 'Gadre et al. 2024 (arXiv 2403.08540)',
  thetaNames: () => ['eps', 'lnk', 'gamma'],
  publishedName: (t) => (t === 'lnk' ? 'k' : t),
  fromTheta: (_, t) => ({ form: 'task-exp', variable: 'L', params: { eps: t[0], k: Math.exp(t[1]), gamma: t[2] } }),
  toTheta: ({ params: q }) => [q.eps, Math.log(q.k), q.gamma],
  startGrid: (_, data) => {
    const x = data.input, [yLo, yHi] = extent(data.loss), [xLo, xHi] = extent(x);
    const span = Math.max(yHi - yLo, 1e-3 * Math.abs(yHi), 1e-12), width = Math.max(xHi - xLo, 1e-12);
    // Ceilings ε above every metric; for each, ln(ε − y) = ln k − γ·L is a line in L:
    // its least-squares fit, and other rates through the runs' centre.
    const ceilings = distinct([0.05, 0.2, 0.5, 1, 3].map((c) => yHi + c * span));
    const xMean = mean(data, (i) => x[i]);
    const rows: number[][] = [];
    for (const eps of ceilings) {
      const gap = data.loss.map((y) => Math.log(eps - y));
      const line = leastSquaresLine(x, gap, data.weight);
      if (Number.isFinite(line.slope)) rows.push([eps, line.intercept, -line.slope]);
      const lnGap = mean(data, (i) => gap[i]);
      for (const r of RATES) rows.push([eps, lnGap + (r / width) * xMean, r / width]);
    }
    return join(rowsOf(rows), product([ceilings, [Math.log(span)], RATES.map((r) => r / width)]));
  },
  checkParams: (law, option) => checkKeys(law.params, option, ['k'], [], ['eps', 'gamma']),
  evaluate: ({ params: q }, { x }) => q.eps - q.k * Math.exp(-q.gamma * x),
  text: (law, s) => `Err(L) = ${s(law.params.eps)} − ${s(law.params.k)}·exp(−${s(law.params.gamma)}·L)`,
  latexSymbols: ({ params: p }) => [['\\varepsilon', p.eps], ['k', p.k], ['\\gamma', p.gamma]],
  latexEquation: ({ params: p }, v) => `\\mathrm{Err}(L) = ${v('\\varepsilon', p.eps)} - ${v('k', p.k)}\\,e^{-${v('\\gamma', p.gamma)}\\,L}`,
  latexWhere: '',
  python: ({ params: p }) => ({
    args: 'L', formula: 'Err(L) = eps - k*exp(-gamma*L)', math: true,
    constants: [['eps', p.eps], ['k', p.k], ['gamma', p.gamma]], lines: ['return eps - k * math.exp(-gamma * L)'],
  }),
  // γ > 0: the error falls as the loss falls.
  exponents: ['gamma'],
  lockstepUndetermined: [],
  // ε and k are not logs, so new units are not a shift of θ: no rescaling advice.
  unitShifts: () => [{}, {}, {}],
  roleOf: (t) => (t === 'gamma' ? 'loss' : 'metric'),
};
