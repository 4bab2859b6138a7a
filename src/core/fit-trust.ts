/**
 * What a fit says about itself (docs/diagnostics.md): its diagnostics, whether
 * its optimum is certified global, and sandwich standard errors. Called on the
 * polished optimum by fit.ts.
 */

import { diagnostic, type Diagnostic } from './diagnostic-codes.js';
import { dataDiagnostics, lawDiagnostics, lnX, residualDiagnostics } from './fit-diagnostics.js';
import { curvature } from './curvature.js';
import { boundAt } from './fit-checks.js';
import { AGREED, REACHED, type Search } from './fit-search.js';
import type { ResolvedFitOptions, Theta } from './fit-options.js';
import type { Law } from './forms-eval.js';
import { isConvergedStatus, solverStatus, type BatchResult, type FitData } from '../engine/types.js';

export interface TrustInput {
  opts: ResolvedFitOptions;
  data: FitData;
  /** 1-based data rows, to name outliers. */
  rows: ArrayLike<number>;
  theta: Float64Array;
  thetaByName: Theta;
  law: Law;
  objective: number;
  /** Every start's row (the strategy's, the check's, an escalation's). */
  every: BatchResult;
  search: Search;
  /** The polish's solver status (the engine's number). */
  status: number;
  brokenGradient: string[];
  atBounds: string[];
}

export interface Trust { diagnostics: Diagnostic[]; certified: boolean; standardErrors: Theta }

export function assessFit({ opts, data, rows, theta, thetaByName, law, objective, every, search, status, brokenGradient, atBounds }: TrustInput): Trust {
  const { spec } = opts;
  const P = theta.length;
  const reaches = (f: number) => f <= objective + REACHED * Math.max(Math.abs(objective), 1e-300);
  const reached = every.f.reduce((n, f) => (reaches(f) ? n + 1 : n), 0);
  // The fast strategy's own starts are screened, so not independent: a spread check start must reach the optimum too,
  // and, polished like the answer, agree with it to AGREED (a flat valley lets starts stop anywhere within REACHED).
  const agrees = (f: number) => f <= objective + Math.max(AGREED * Math.abs(objective), 1e-14 * data.count);
  const checkReaches = !search.checked || search.checked.f.some(reaches);
  const checkAgrees = !search.checked || (search.checkPolished !== undefined && agrees(search.checkPolished.f));
  let diagnostics: Diagnostic[] = dataDiagnostics(spec, data, P);
  const x = lnX(spec, data);
  // With (almost) no weight there is nothing to judge the law or its residuals on.
  const weighed = !diagnostics.some((d) => d.code === 'zero-weight');
  const lawFindings = weighed ? lawDiagnostics(law, thetaByName, data, x) : [];
  const curve = curvature(spec, data, theta);
  const flat = curve.flat.length > 0 && diagnostics.every((d) => d.severity !== 'error');
  // Runs that cannot determine the law leave a flat valley, not basins: no optimum there can be certified.
  // A dead term or a flat direction at the answer is such a valley too (docs/diagnostics.md).
  // So are runs too few for the law (under three per parameter): basins that fit single runs abound, and a sample of starts cannot rule them out.
  const valley = flat || lawFindings.some((d) => d.code === 'dead-term') || diagnostics.some((d) => d.code === 'few-runs');
  const uncertified = spec.loss === 'asymmetric' ? 'piecewise-linear' as const
    : diagnostics.some((d) => d.severity === 'error') ? 'unidentifiable' as const
      : valley ? 'valley' as const
        : reached < 2 || !checkReaches ? 'single-start' as const
          : !checkAgrees ? 'check-disagrees' as const : null;
  const certified = uncertified === null;
  if (search.escalated) diagnostics.push(diagnostic('escalated', 'info', search.escalated));
  if (uncertified) diagnostics.push(diagnostic('not-certified', 'warning', { reason: uncertified }));
  if (!isConvergedStatus(status)) diagnostics.push(diagnostic('not-converged', 'warning', { status: solverStatus(status) }));
  if (brokenGradient.length) diagnostics.push(diagnostic('gradient-not-finite', 'warning', { parameters: brokenGradient }));
  for (const k of atBounds) {
    const i = opts.names.indexOf(k), side = boundAt(opts, theta, i)!;
    diagnostics.push(diagnostic('at-bound', 'warning', { parameter: k, side, bound: side === 'lower' ? opts.lower![i] : opts.upper![i] }));
  }
  diagnostics = diagnostics.concat(lawFindings);
  if (flat) {
    diagnostics.push(diagnostic('flat-direction', 'warning', { condition: curve.condition, parameters: curve.flat.map((i) => opts.names[i]) }));
  }
  if (!curve.standardErrors.every(Number.isFinite) && spec.loss !== 'asymmetric') diagnostics.push(diagnostic('no-standard-errors', 'warning', {}));
  if (weighed) diagnostics = diagnostics.concat(residualDiagnostics(spec, theta, data, rows, P));
  return { diagnostics, certified, standardErrors: Object.fromEntries(opts.names.map((k, i) => [k, curve.standardErrors[i]])) };
}
