/**
 * Tied parameters: θ[target] = θ[source] (Muennighoff et al. 2023 fit their
 * base law with α = β). The optimiser works on θ without θ[target]; the
 * kernels read the full θ, so the objective expands θ before it and folds the
 * gradient after it: ∂f/∂θ[source] gains ∂f/∂θ[target]. Mirrors the tie in
 * assembly/objective.ts.
 */

import type { ObjectiveSpec } from '../types.js';

/** The full θ from the optimiser's (`reduced`), into `full`. */
export function expandTied(tie: readonly [number, number], reduced: ArrayLike<number>, full: Float64Array): void {
  const [target, source] = tie;
  for (let j = 0, k = 0; j < full.length; j++) full[j] = j === target ? reduced[source] : reduced[k++];
}

/** The optimiser's gradient from the full one. */
export function foldTied(tie: readonly [number, number], fullGrad: ArrayLike<number>, reducedGrad: Float64Array): void {
  const [target, source] = tie;
  for (let j = 0, k = 0; j < fullGrad.length; j++) if (j !== target) reducedGrad[k++] = fullGrad[j];
  reducedGrad[source] += fullGrad[target];
}

/** The optimiser's θ from a full θ (the tied entry dropped). */
export function reduceTied(tie: readonly [number, number], full: ArrayLike<number>): Float64Array {
  return Float64Array.from(Array.from(full).filter((_, j) => j !== tie[0]));
}

const untied = new WeakMap<ObjectiveSpec, ObjectiveSpec>();

/** The same objective on the full θ: the spec without its tie (cached per spec). */
export function untiedSpec(spec: ObjectiveSpec): ObjectiveSpec {
  let u = untied.get(spec);
  if (!u) untied.set(spec, (u = { ...spec, tie: undefined }));
  return u;
}
