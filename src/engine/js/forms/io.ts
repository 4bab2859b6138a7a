/** What the per-run kernels (./chinchilla-point.ts and its siblings) share. Mirrors assembly/forms/io.ts. */

import type { FitData, ObjectiveSpec } from '../../types.js';

/** ln x of a one-variable form (power, saturating, broken), per run. */
export function variableColumn(data: FitData, spec: ObjectiveSpec): Float64Array {
  return spec.variable === 'D' ? data.lnD : spec.variable === 'C' ? data.lnC : data.lnN;
}
