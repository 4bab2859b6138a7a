/**
 * Broken neural scaling law (Caballero et al. 2022):
 * y = a + b·x^(−c₀)·Π (1 + (x/d_i)^(1/f_i))^(−c_i·f_i), the product taken in log space.
 */

import type { LawDescriptor } from './descriptor.js';
import type { LawVariable } from './variables.js';
import { checkKeys } from './check.js';
import { optionError } from '../i18n/error-words/planning.js';
import { extent, floorsBelow, join, mean, product, reducibleLog, rowsOf, variableColumn } from './start-grid.js';
import { pyFloat } from './python-literal.js';
import { softplus } from '../engine/js/forms/lse.js';

export interface BrokenBreak { c: number; d: number; f: number }
export interface BrokenParams { a: number; b: number; c0: number; breaks: readonly BrokenBreak[] }
export type BrokenLaw = { form: 'broken'; params: BrokenParams; variable: LawVariable };

export const broken: LawDescriptor<BrokenLaw> = {
  form: 'broken',
  twoVariable: false,
  source: 'Caballero et al. 2022',
  // θ = (ln a, ln b, c₀), then per break (c, ln d, ln f).
  thetaNames: (breaks) => {
    const names = ['lna', 'lnb', 'c0'];
    for (let k = 1; k <= breaks; k++) names.push(`c${k}`, `lnd${k}`, `lnf${k}`);
    return names;
  },
  publishedName: (t) => (t.startsWith('ln') ? t.slice(2) : t),
  fromTheta: (spec, t) => {
    const breaks = [];
    for (let k = 0; k < spec.breaks; k++) breaks.push({ c: t[3 + 3 * k], d: Math.exp(t[4 + 3 * k]), f: Math.exp(t[5 + 3 * k]) });
    return { form: 'broken', variable: spec.variable as LawVariable, params: { a: Math.exp(t[0]), b: Math.exp(t[1]), c0: t[2], breaks } };
  },
  toTheta: ({ params: q }) => [Math.log(q.a), Math.log(q.b), q.c0, ...q.breaks.flatMap((b) => [b.c, Math.log(b.d), Math.log(b.f)])],
  startGrid: (spec, data) => {
    const x = variableColumn(spec, data), [xLo, xHi] = extent(x), [, maxLnL] = extent(data.lnL);
    const axes: number[][] = [floorsBelow(data).slice(0, 3), [0, 0.5, 1].map((k) => maxLnL + k * (xHi - xLo) * 0.3), [0, 0.25, 0.5]];
    // The first break is searched over a grid; later ones sit at fixed quantiles of x (c 0.5, f 0.25),
    // so the grid stays 486 rows at any number of breaks instead of growing 18-fold with each.
    for (let k = 0; k < spec.breaks; k++) {
      if (k === 0) axes.push([0.25, 0.5, 1], [0.25, 0.5, 0.75].map((q) => xLo + q * (xHi - xLo)), [Math.log(0.25), 0]);
      else axes.push([0.5], [xLo + ((k + 1) / (spec.breaks + 1)) * (xHi - xLo)], [Math.log(0.25)]);
    }
    const fixed = product(axes);
    // The same rows with ln b fitted instead of taken from the grid: given the floor a,
    // the exponents and the breaks, the mean of ln(L − a) + c₀·x + Σ c·f·softplus((x − ln d)/f)
    // over the runs, so the law passes through them in log space at any scale.
    const P = axes.length, rows: number[][] = [];
    const reducible = new Map(axes[0].map((e) => [e, reducibleLog(data.lnL, e)]));
    for (let r = 0; r < fixed.length / P; r++) {
      const t = fixed.subarray(r * P, r * P + P);
      if (t[1] !== axes[1][0]) continue; // one row per (a, c₀, breaks)
      const y = reducible.get(t[0])!;
      const lnb = mean(data, (i) => {
        let v = y[i] + t[2] * x[i];
        for (let k = 0; k < spec.breaks; k++) {
          const c = t[3 + 3 * k], f = Math.exp(t[5 + 3 * k]), z = (x[i] - t[4 + 3 * k]) / f;
          v += c * f * (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
        }
        return v;
      });
      rows.push([t[0], lnb, ...Array.from(t.subarray(2))]);
    }
    return join(rowsOf(rows), fixed);
  },
  checkParams: (law, p) => {
    checkKeys(law.params, p, [], ['b'], ['a', 'c0']);
    if (!Array.isArray(law.params.breaks)) throw optionError(`${p}.breaks`, 'law-breaks', { option: `${p}.breaks`, shape: '{ c, d, f }', got: String(law.params.breaks) });
    law.params.breaks.forEach((br, i) => checkKeys(br ?? {}, `${p}.breaks[${i}]`, ['d', 'f'], [], ['c']));
  },
  evaluate: ({ params: q }, { x }) => {
    const lx = Math.log(x);
    let s = -q.c0 * lx;
    for (const { c, d, f } of q.breaks) s -= c * f * softplus((lx - Math.log(d)) / f);
    return q.a + q.b * Math.exp(s);
  },
  text: (law, s) => {
    const p = law.params, x = law.variable;
    const factors = p.breaks.map((b) => `(1 + (${x}/${s(b.d)})^(1/${s(b.f)}))^(-${s(b.c)}·${s(b.f)})`).join('·');
    return `L(${x}) = ${s(p.a)} + ${s(p.b)}·${x}^-${s(p.c0)}·${factors}`;
  },
  latexSymbols: ({ params: p }) => {
    const out: [string, number][] = [['a', p.a], ['b', p.b], ['c_0', p.c0]];
    p.breaks.forEach((b, i) => out.push([`c_${i + 1}`, b.c], [`d_${i + 1}`, b.d], [`f_${i + 1}`, b.f]));
    return out;
  },
  latexEquation: (law, v) => {
    const x = law.variable, p = law.params;
    const factors = p.breaks.map((b, i) => {
      const k = i + 1;
      return `\\left(1 + \\left(\\frac{${x}}{${v(`d_${k}`, b.d)}}\\right)^{1/${v(`f_${k}`, b.f)}}\\right)^{-${v(`c_${k}`, b.c)} \\cdot ${v(`f_${k}`, b.f)}}`;
    }).join(' ');
    return `L(${x}) = ${v('a', p.a)} + ${v('b', p.b)}\\,${x}^{-${v('c_0', p.c0)}} ${factors}`.trimEnd();
  },
  latexWhere: '',
  python: (law) => {
    const x = law.variable, p = law.params, f = pyFloat;
    const breaks = p.breaks.map((b) => `(${f(b.c)}, ${f(b.d)}, ${f(b.f)})`).join(', ');
    return {
      args: x, formula: `L(${x}) = a + b*${x}^-c0 * prod_i (1 + (${x}/d_i)^(1/f_i))^(-c_i*f_i)`, math: true,
      constants: [['a', p.a], ['b', p.b], ['c0', p.c0]],
      lines: [
        `breaks = (${breaks}${p.breaks.length === 1 ? ',' : ''})  # (c, d, f) per break`,
        `s = -c0 * math.log(${x})`,
        'for c, d, f in breaks:',
        `    z = (math.log(${x}) - math.log(d)) / f`,
        '    s -= c * f * (z + math.log1p(math.exp(-z)) if z > 0 else math.log1p(math.exp(z)))',
        'return a + b * math.exp(s)',
      ],
    };
  },
  exponents: ['c0'],
  lockstepUndetermined: [],
  unitShifts: (t, breaks) => {
    const out: ReturnType<LawDescriptor<BrokenLaw>['unitShifts']> = [{ loss: 1 }, { x: t[2], loss: 1 }, {}];
    for (let k = 0; k < breaks; k++) out.push({}, { x: 1 }, {});
    return out;
  },
  roleOf: (t, variable) => (t === 'lna' ? 'loss' : variable),
};

