/**
 * The parts of the isoFLOP analysis (./isoflop.ts) both approaches share:
 * grouping runs into compute budgets, a rejected budget's reason in words,
 * and the error when too few budgets are accepted.
 *
 * Grouping: with nominal budgets, each run joins the budget nearest in log C
 * when |C/budget − 1| ≤ tolerance (runs near none are `unassigned`), and the
 * budget's C is the nominal value. Without, runs are sorted by C and a group
 * takes every run with C ≤ (1 + tolerance)·(the group's smallest C); the
 * group's C is the geometric mean of its runs' C.
 */

import { dataError, worded, type ErrorKey, type ErrorValues } from '../i18n/error-words/isoflop.js';
import type { IsoflopApproach, IsoflopBudget, IsoflopRejection } from './isoflop-types.js';

export interface Group {
  C: number;
  /** Indices of the group's runs. */
  members: number[];
}

export function snap(C: Float64Array, budgets: readonly number[], tolerance: number): { groups: Group[]; unassigned: number[] } {
  const groups = [...budgets].sort((a, b) => a - b).map((b) => ({ C: b, members: [] as number[] }));
  const unassigned: number[] = [];
  for (let i = 0; i < C.length; i++) {
    // Start from the first budget: with a budget so small that C/budget overflows, every distance is ∞.
    let best = 0, distance = Infinity;
    groups.forEach((g, j) => {
      const d = Math.abs(Math.log(C[i] / g.C));
      if (d < distance) (best = j, distance = d);
    });
    if (Math.abs(C[i] / groups[best].C - 1) <= tolerance) groups[best].members.push(i);
    else unassigned.push(i);
  }
  return { groups: groups.filter((g) => g.members.length > 0), unassigned };
}

export function cluster(C: Float64Array, tolerance: number): Group[] {
  const order = Array.from(C.keys()).sort((i, j) => C[i] - C[j] || i - j);
  const groups: Group[] = [];
  let anchor = -Infinity;
  for (const i of order) {
    if (C[i] > anchor * (1 + tolerance)) {
      groups.push({ C: NaN, members: [] });
      anchor = C[i];
    }
    groups[groups.length - 1].members.push(i);
  }
  // Geometric mean, taken relative to the smallest C so a group of equal C gets that C exactly.
  for (const g of groups) {
    const c0 = C[g.members[0]];
    g.C = c0 * Math.exp(g.members.reduce((s, i) => s + Math.log(C[i] / c0), 0) / g.members.length);
  }
  return groups;
}

/** A rejected budget's reason in words: the English `message` and its `detail`. */
export function rejected<K extends ErrorKey>(reason: IsoflopRejection, key: K, values: ErrorValues<K>): Pick<IsoflopBudget, 'reason' | 'message' | 'detail'> {
  const { message, detail } = worded(key, values);
  return { reason, message, detail };
}

/**
 * The error when fewer than two budgets are accepted: how many were, and the
 * rejected budgets' C by reason ('—' for none), so one message key words it.
 */
export function tooFewAccepted(budgets: readonly IsoflopBudget[], minPoints: number, approach: IsoflopApproach) {
  const values = { accepted: budgets.filter((b) => b.accepted).length, total: budgets.length };
  const rejectedBy = (key: ErrorKey) => budgets.filter((b) => b.detail?.key === key).map((b) => b.C.toPrecision(3)).join(', ') || '—';
  if (budgets.every((b) => b.accepted)) return dataError('too-few-runs', 'isoflop-none-rejected', values);
  if (approach === 'akima') {
    return dataError('too-few-runs', 'isoflop-akima-too-few-budgets', {
      ...values, minPoints, fewRuns: rejectedBy('isoflop-few-runs'), fewSizes: rejectedBy('isoflop-akima-few-sizes'),
      atEnd: rejectedBy('isoflop-akima-at-end'), unstable: rejectedBy('isoflop-akima-unstable'),
    });
  }
  return dataError('too-few-runs', 'isoflop-too-few-budgets', {
    ...values, minPoints, fewRuns: rejectedBy('isoflop-few-runs'), fewSizes: rejectedBy('isoflop-few-sizes'),
    notConvex: rejectedBy('isoflop-not-convex'), outside: rejectedBy('isoflop-vertex-outside'),
  });
}
