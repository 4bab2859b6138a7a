/**
 * Which columns a result was computed from, said as diagnostics: a quantity
 * recognised by its name among several candidates (src/core/columns.ts ranks
 * them; `Runs.alternatives` keeps the others) gets a `column-choice` warning,
 * because a deterministic choice can still be the wrong one (a file with
 * `loss_openlm` and `loss_c4_val` fits the first). Naming the column, in the
 * `columns` option or with --columns, silences it.
 */

import { diagnostic, type Diagnostic } from './diagnostic-codes.js';
import type { Runs } from './runs-types.js';

export function columnDiagnostics(runs: Pick<Runs, 'columns' | 'alternatives'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const quantity of ['N', 'D', 'C', 'loss'] as const) {
    const others = runs.alternatives?.[quantity];
    const column = runs.columns[quantity];
    if (others && others.length > 0 && column !== undefined) {
      out.push(diagnostic('column-choice', 'warning', { quantity, column, alternatives: [...others] }));
    }
  }
  return out;
}
