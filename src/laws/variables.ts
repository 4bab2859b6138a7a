/** The inputs a law reads: N parameters, D training tokens, C FLOPs, U unique tokens, L a loss. */

/** The x of a one-variable loss law. */
export type LossVariable = 'N' | 'D' | 'C';
/** The x of a task law: the loss its benchmark metric is predicted from. */
export type TaskVariable = 'L';
export type LawVariable = LossVariable | TaskVariable;
/** The variables a one-variable loss law may read. */
export const LAW_VARIABLES: readonly LossVariable[] = ['N', 'D', 'C'];

/** Where to evaluate a law: N parameters, D training tokens, C FLOPs, U unique tokens, L the loss a task law reads. */
export interface LawPoint { N?: number; D?: number; C?: number; U?: number; L?: number }
