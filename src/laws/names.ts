/**
 * The words for laws, losses and variables that every layer shares, with the
 * numeric ids the WebAssembly core reads (assembly/objective.ts,
 * assembly/forms/point.ts). A leaf: it imports nothing, so the engine can use
 * it without depending on anything above it.
 */

/**
 * Form ids; each form's descriptor is src/laws/<form>.ts. The task forms
 * predict a benchmark metric from a loss (FitData.input) rather than a loss
 * from N, D or C.
 */
export const FORM_IDS = {
  chinchilla: 0,
  kaplan: 1,
  power: 2,
  saturating: 3,
  'data-constrained': 4,
  overtrained: 5,
  broken: 6,
  'task-exp': 7,
  'task-sigmoid': 8,
} as const;
export type FormName = keyof typeof FORM_IDS;

/**
 * huber and squared act on log residuals ln L̂ − ln L; squared-raw on L̂ − L;
 * asymmetric on L − L̂, linear, with over-predictions weighted (kyo-takano);
 * squared-log1p on ln(L̂ + 1) − ln(L + 1), the broken-law authors' recipe
 * (Caballero et al. 2022), which stays finite where L reaches 0.
 */
export const LOSS_IDS = { huber: 0, squared: 1, 'squared-raw': 2, asymmetric: 3, 'squared-log1p': 4 } as const;
export type LossName = keyof typeof LOSS_IDS;

export const VARIABLE_IDS = { N: 0, D: 1, C: 2 } as const;
export type Variable = keyof typeof VARIABLE_IDS;
