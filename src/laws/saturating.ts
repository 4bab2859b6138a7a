/** A power law in one variable over an irreducible floor: L(x) = E + A·x^(−α) (Henighan et al. 2020). */

import type { LawDescriptor } from './descriptor.js';
import type { LawVariable } from './variables.js';
import { checkKeys } from './check.js';
import { distinct, exponentFrom, floorsBelow, join, leastSquaresLine, product, reducibleLog, rowsOf, variableColumn } from './start-grid.js';

export interface SaturatingParams { E: number; A: number; alpha: number }
export type SaturatingLaw = { form: 'saturating'; params: SaturatingParams; variable: LawVariable };

export const saturating: LawDescriptor<SaturatingLaw> = {
  form: 'saturating',
  twoVariable: false,
  source: 'Henighan et al. 2020',
  thetaNames: () => ['e', 'a', 'alpha'],
  publishedName: (t) => ({ e: 'E', a: 'A' })[t] ?? t,
  fromTheta: (spec, t) => ({ form: 'saturating', variable: spec.variable as LawVariable, params: { E: Math.exp(t[0]), A: Math.exp(t[1]), alpha: t[2] } }),
  toTheta: ({ params: q }) => [Math.log(q.E), Math.log(q.A), q.alpha],
  startGrid: (spec, data) => {
    const x = variableColumn(spec, data), floor = floorsBelow(data);
    // For each floor E below the lowest loss, ln(L − E) = a − α·ln x is a line: its
    // least-squares fit, and other exponents through its centre.
    const rows: number[][] = [];
    for (const e of floor) {
      const line = leastSquaresLine(x, reducibleLog(data.lnL, e), data.weight);
      for (const alpha of distinct([...exponentFrom(line.slope), 0.05, 0.1, 0.2, 0.4, 0.8])) rows.push([e, line.meanY + alpha * line.meanX, alpha]);
    }
    return join(rowsOf(rows), product([floor, [0, 2, 5, 10, 15, 20, 25], [0.05, 0.1, 0.2, 0.4, 0.8]]));
  },
  checkParams: (law, option) => checkKeys(law.params, option, ['A', 'alpha'], ['E']),
  evaluate: ({ params: q }, { x }) => q.E + q.A * x ** -q.alpha,
  text: (law, s) => `L(${law.variable}) = ${s(law.params.E)} + ${s(law.params.A)}·${law.variable}^-${s(law.params.alpha)}`,
  latexSymbols: ({ params: p }) => [['E', p.E], ['A', p.A], ['\\alpha', p.alpha]],
  latexEquation: (law, v) => {
    const x = law.variable, p = law.params;
    return `L(${x}) = ${v('E', p.E)} + ${v('A', p.A)}\\,${x}^{-${v('\\alpha', p.alpha)}}`;
  },
  latexWhere: '',
  python: (law) => ({
    args: law.variable, formula: `L(${law.variable}) = E + A*${law.variable}^-alpha`, math: false,
    constants: [['E', law.params.E], ['A', law.params.A], ['alpha', law.params.alpha]], lines: [`return E + A * ${law.variable} ** -alpha`],
  }),
  exponents: ['alpha'],
  terms: ({ params: q }, _, x) => [
    { term: 'E', parameters: ['e'], value: () => q.E },
    { term: 'A·x^−α', parameters: ['a', 'alpha'], value: (i) => q.A * Math.exp(-q.alpha * x[i]) },
  ],
  lockstepUndetermined: [],
  unitShifts: (t) => [{ loss: 1 }, { x: t[2], loss: 1 }, {}],
  roleOf: (t, variable) => (t === 'e' ? 'loss' : variable),
};
