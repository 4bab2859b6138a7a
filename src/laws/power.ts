/** A pure power law in one variable, L(x) = (x_c/x)^α with x ∈ N, D or C (Kaplan et al. 2020, eq. 1.1–1.3). */

import type { LawDescriptor } from './descriptor.js';
import type { LawVariable } from './variables.js';
import { checkKeys } from './check.js';
import { distinct, exponentFrom, extent, join, leastSquaresLine, product, rowsOf, variableColumn } from './start-grid.js';

export interface PowerParams { xc: number; alpha: number }
export type PowerLaw = { form: 'power'; params: PowerParams; variable: LawVariable };

export const power: LawDescriptor<PowerLaw> = {
  form: 'power',
  twoVariable: false,
  source: 'Kaplan et al. 2020, eq. 1.1–1.3',
  thetaNames: () => ['lnXc', 'alpha'],
  publishedName: (t) => (t === 'lnXc' ? 'xc' : t),
  fromTheta: (spec, t) => ({ form: 'power', variable: spec.variable as LawVariable, params: { xc: Math.exp(t[0]), alpha: t[1] } }),
  toTheta: ({ params: q }) => [Math.log(q.xc), q.alpha],
  startGrid: (spec, data) => {
    const x = variableColumn(spec, data), [, xHi] = extent(x);
    // ln L = α(ln xc − ln x) is a straight line in log space: the least-squares line of ln L
    // on ln x gives α = −slope and ln xc = intercept/α (the optimum itself for the squared
    // loss), and about it other exponents, each through the runs' centre (x̄, mean ln L).
    const line = leastSquaresLine(x, data.lnL, data.weight);
    const fitted = exponentFrom(line.slope);
    const alphas = distinct([...fitted, ...fitted.flatMap((a) => [a / 2, 2 * a]), 0.01, 0.05, 0.1, 0.3, 1]);
    const derived = rowsOf(alphas.map((a) => [line.meanX + line.meanY / a, a]));
    return join(derived, product([[0, 5, 10, 20, 40].map((k) => xHi + k), [0.01, 0.05, 0.1, 0.3, 1]]));
  },
  checkParams: (law, option) => checkKeys(law.params, option, ['xc', 'alpha']),
  evaluate: ({ params: q }, { x }) => (q.xc / x) ** q.alpha,
  text: (law, s) => `L(${law.variable}) = (${s(law.params.xc)}/${law.variable})^${s(law.params.alpha)}`,
  latexSymbols: (law) => [[`${law.variable}_c`, law.params.xc], ['\\alpha', law.params.alpha]],
  latexEquation: (law, v) => {
    const x = law.variable;
    return `L(${x}) = \\left(\\frac{${v(`${x}_c`, law.params.xc)}}{${x}}\\right)^{${v('\\alpha', law.params.alpha)}}`;
  },
  latexWhere: '',
  python: (law) => ({
    args: law.variable, formula: `L(${law.variable}) = (xc/${law.variable})^alpha`, math: false,
    constants: [['xc', law.params.xc], ['alpha', law.params.alpha]], lines: [`return (xc / ${law.variable}) ** alpha`],
  }),
  exponents: ['alpha'],
  lockstepUndetermined: [],
  unitShifts: (t) => [{ x: 1, loss: 1 / t[1] }, {}],
  roleOf: (_, variable) => variable,
};
