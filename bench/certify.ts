/**
 * (i) Global optimum, certified or flagged: every dataset in test/fixtures/data
 * with every form that applies, the default (fast) strategy against the exact
 * one (every start of the grid), in Node with workers. "agree" means the
 * objectives are within 1e-9 relative; "flagged" means fast missed and said
 * `certified: false`; "SILENT MISS" would be the defect.
 */

import { fit } from '../src/core/fit.js';
import { CERTIFICATION_CASES } from '../test/fixtures/certification-cases.js';

export async function certificationTable(): Promise<string[]> {
  const lines = [
    '    dataset                               form and loss             runs   fast objective      exact objective     fast−exact  certified  verdict   fast ms  exact ms',
  ];
  for (const c of CERTIFICATION_CASES) {
    const runs = c.runs();
    let t = performance.now();
    const fast = await fit(runs, c.options);
    const fastMs = performance.now() - t;
    t = performance.now();
    const exact = await fit(runs, { ...c.options, strategy: 'exact' });
    const exactMs = performance.now() - t;
    const gap = (fast.objective - exact.objective) / Math.abs(exact.objective);
    const verdict = gap <= 1e-9 ? 'agree' : fast.certified ? 'SILENT MISS' : 'flagged';
    lines.push(`    ${c.dataset.padEnd(38)}${c.label.padEnd(26)}${String(runs.N.length).padStart(4)}   ${fast.objective.toPrecision(12).padEnd(20)}${exact.objective.toPrecision(12).padEnd(20)}${gap.toExponential(1).padStart(9)}  ${`${fast.certified}/${exact.certified}`.padEnd(11)}${verdict.padEnd(10)}${fastMs.toFixed(0).padStart(7)}${exactMs.toFixed(0).padStart(10)}`);
  }
  return lines;
}
