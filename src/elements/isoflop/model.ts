/**
 * What <scaling-isoflop> draws, from validated runs and its attributes: the
 * core's IsoFLOP analysis (core/isoflop.ts) plus what the chart needs to show
 * it — each budget's runs, its fitted parabola sampled over the sizes it
 * sampled, its optimum, a colour class by budget, and the N*(C) power law with
 * its confidence band. Pure: validates the attributes once and throws an
 * AttributeError in plain words (the element's language) naming the culprit.
 */

import { extent } from 'd3-array';
import { isoflop, type IsoflopBudget, type IsoflopResult } from '../../core/isoflop.js';
import type { Runs } from '../../core/runs-types.js';
import { powerLawBand } from '../../core/loglinear.js';
import type { IsoflopTranslate, Lang } from '../../i18n/index.js';
import { describeError } from '../../i18n/errors.js';
import { isolate } from '../../chart/isolate.js';
import { AttributeError } from '../attributes.js';
import { parseNumber, parseQuantity } from '../../format/parse-number.js';

export interface IsoflopInputs {
  runs: Runs;
  /** Comma-separated nominal budgets ("6e18, 1e19") or numbers; empty: group by C. */
  budgets?: string | readonly number[];
  tolerance?: string | number;
  minPoints?: string | number;
}

export interface XY { x: number; y: number }

export interface BudgetView {
  budget: IsoflopBudget;
  /** Position among the budgets, ascending C. */
  index: number;
  /** Colour class: budget-0 (smallest C) … budget-11, or `rejected`. */
  className: string;
  /** Indices into the runs of this budget's points. */
  runs: number[];
  /** The fitted parabola (loss against N) over [Nmin, Nmax]; empty when none was fitted. */
  curve: XY[];
}

export interface IsoflopModel {
  runs: Runs;
  result: IsoflopResult;
  budgets: BudgetView[];
  /** Budget position of each run (−1: assigned to none). */
  budgetOf: Int32Array;
  /** N*(C) = k·C^a with the confidence band of the line, over the accepted budgets' C. */
  line: { x: number; y: number; lo: number; hi: number }[];
}

export const ISOFLOP_VIEW = { colours: 12, curveSamples: 48, lineSamples: 40 };

function budgetList(value: string | readonly number[] | undefined, t: IsoflopTranslate): number[] | undefined {
  if (value === undefined || value === '') return undefined;
  const items = typeof value === 'string' ? value.split(/[\s,;]+/).filter(Boolean) : value;
  if (items.length === 0) return undefined;
  return items.map((item) => {
    const x = typeof item === 'number' ? item : parseQuantity(item);
    if (!(Number.isFinite(x) && x > 0)) throw new AttributeError('budgets', t('errBudgets', { value: isolate(String(item)) }));
    return x;
  });
}

function numberAttr(value: string | number | undefined, attr: string, ok: (x: number) => boolean, key: 'errTolerance' | 'errMinPoints', t: IsoflopTranslate): number | undefined {
  // A bare attribute is '' here: shown as the mistake it is, not read as 0 or as absent.
  if (value === undefined) return undefined;
  const x = parseNumber(value);
  if (!ok(x)) throw new AttributeError(attr, t(key, { value: isolate(String(value)) }));
  return x;
}

/** Loss of the parabola p·x² + q·x + r at N, x = log_base N. */
const parabolaAt = (c: { p: number; q: number; r: number }, N: number, lnBase: number): number => {
  const x = Math.log(N) / lnBase;
  return c.p * x * x + c.q * x + c.r;
};

/** N*(C) with the core's confidence band of the line, sampled a little beyond the accepted budgets. */
function allocationLine(result: IsoflopResult, samples: number): IsoflopModel['line'] {
  const u = result.budgets.filter((b) => b.accepted).map((b) => Math.log(b.C));
  const { a, k, se, dof, level, meanLnC, sdLnY } = result.N;
  const fit = { exponent: a, coefficient: k, se, points: dof + 2, dof, level, meanLnX: meanLnC, sdLnY };
  const [u0, u1] = extent(u) as [number, number];
  const pad = Math.max(0.3, 0.06 * (u1 - u0));
  const lo = u0 - pad, hi = u1 + pad;
  return Array.from({ length: samples }, (_, i) => {
    const x = Math.exp(lo + ((hi - lo) * i) / (samples - 1));
    return { x, ...powerLawBand(fit, x) };
  });
}

/** Runs the core's analysis with the attributes and shapes the result for drawing. */
export function buildIsoflopModel(inputs: IsoflopInputs, t: IsoflopTranslate, lang: Lang = 'en'): IsoflopModel {
  const budgets = budgetList(inputs.budgets, t);
  const tolerance = numberAttr(inputs.tolerance, 'tolerance', (x) => Number.isFinite(x) && x >= 0, 'errTolerance', t);
  const minPoints = numberAttr(inputs.minPoints, 'min-points', (x) => Number.isInteger(x) && x >= 3, 'errMinPoints', t);
  const { runs } = inputs;
  let result: IsoflopResult;
  try {
    result = isoflop(runs, { budgets, tolerance, minPoints });
  } catch (error) {
    throw new AttributeError('runs', t('errIsoflop', { detail: isolate(describeError(error, lang)) }));
  }
  const indexOfRow = new Map<number, number>();
  runs.rows.forEach((row, i) => indexOfRow.set(row, i));
  const budgetOf = new Int32Array(runs.N.length).fill(-1);
  const n = result.budgets.length;
  const lnBase = Math.log(result.options.logBase);
  const views = result.budgets.map((b, index): BudgetView => {
    const members = Array.from(b.rows, (row) => indexOfRow.get(row) ?? -1).filter((i) => i >= 0);
    for (const i of members) budgetOf[i] = index;
    const colour = n > 1 ? Math.round((index / (n - 1)) * (ISOFLOP_VIEW.colours - 1)) : 0;
    const c = b.coefficients;
    const m = ISOFLOP_VIEW.curveSamples;
    const curve = c && b.Nmax > b.Nmin
      ? Array.from({ length: m }, (_, j) => {
        const N = Math.exp(Math.log(b.Nmin) + ((Math.log(b.Nmax) - Math.log(b.Nmin)) * j) / (m - 1));
        return { x: N, y: parabolaAt(c, N, lnBase) };
      })
      : [];
    return { budget: b, index, className: b.accepted ? `budget-${colour}` : 'rejected', runs: members, curve };
  });
  return { runs, result, budgets: views, budgetOf, line: allocationLine(result, ISOFLOP_VIEW.lineSamples) };
}
