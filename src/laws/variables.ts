/** The inputs a law reads: N parameters, D training tokens, C FLOPs, U unique tokens. */

export type LawVariable = 'N' | 'D' | 'C';
export const LAW_VARIABLES: readonly LawVariable[] = ['N', 'D', 'C'];

/** Where to evaluate a law: N parameters, D training tokens, C FLOPs, U unique tokens. */
export interface LawPoint { N?: number; D?: number; C?: number; U?: number }
