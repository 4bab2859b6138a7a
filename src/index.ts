/**
 * scaling-kit's public API: read training runs, fit scaling laws exactly
 * (WebAssembly, or its TypeScript twin), put intervals on them, and plan
 * and cost with them. Importing this module registers no elements and
 * starts no workers.
 */

export { readRuns, runsFromArrays, type RunsInput, type ReadRunsOptions } from './core/runs.js';
export type { Runs } from './core/runs-types.js';
export { matchColumns, type ColumnMapping, type ColumnMatch } from './core/columns.js';
export { parseColumnSpec, type ColumnSpec } from './core/column-spec.js';
export { columnDiagnostics } from './core/column-diagnostics.js';
export { ScalingKitError, DataError, OptionError, LimitError, type ErrorCode } from './errors.js';
export { LIMITS } from './core/limits.js';
export { fit, fitSync, type FitResult } from './core/fit.js';
export type { FitOptions, Theta, Strategy } from './core/fit-options.js';
export { hoffmannGrid, thetaNames } from './core/forms.js';
export { predict, computeOptimal, type ChinchillaParams, type ComputeOptimal } from './core/law.js';
export { evaluateLaw, lossFunction, checkLaw, type Law, type LossLaw, type TaskLaw, type LawPoint } from './core/forms-eval.js';
export { formatLaw } from './core/law-text.js';
export { bootstrap, type BootstrapFitOptions, type BootstrapFitResult } from './core/bootstrap-fit.js';
export type { BootstrapResult, Interval } from './core/bootstrap.js';
export { isoflop, type IsoflopOptions, type IsoflopResult } from './core/isoflop.js';
export { envelope, type EnvelopeOptions, type EnvelopeResult } from './core/envelope.js';
export { backtest, type BacktestOptions, type BacktestResult } from './core/backtest.js';
export { predictChain, type ChainPoint, type ChainPrediction } from './core/chain.js';
export { bootstrapChain, type ChainBootstrapOptions, type ChainBootstrapResult, type ChainInterval, type ChainStepOptions } from './core/chain-bootstrap.js';
export { backtestChain, type ChainBacktestOptions, type ChainBacktestResult, type ChainHeldOutRun } from './core/chain-backtest.js';
export { computeMultiplier, type Multiplier } from './core/compare.js';
export { parametricDraws, type DrawOptions, type DrawsResult, type DrawnAllocation, type DrawSpace } from './core/parametric-draws.js';
export { fitM4, type M4Fit, type M4Options, type M4Params, type M4Search, type M4Status } from './core/m4-fit.js';
export { predictM4 } from './core/m4-predict.js';
export { extrapolationScore, type ExtrapolationOptions, type ExtrapolationScore, type EstimatorName, type HeldOutPoint } from './core/extrapolation-score.js';
export { readCurve, type Curve, type CurveTable, type ReadCurveOptions } from './core/curve-input.js';
export { bootstrapMultiplier, type MultiplierBootstrapOptions, type MultiplierBootstrapResult, type MultiplierInterval } from './core/compare-bootstrap.js';
export { optimalAllocation, computeForLoss, inferenceOptimal, lossFloor, type Allocation, type InferenceAllocation } from './core/planning.js';
export { PRESETS, PRESET_IDS, preset, allocationAt, type Preset } from './core/presets.js';
export { trainingCost, costOfGpuHours, HARDWARE, type CostOptions, type CostEstimate } from './core/cost.js';
export { demoRuns, demoCsv } from './data/demo.js';
export { generateRuns, type SyntheticOptions } from './data/synthetic.js';
export { bestWasmBuild } from './engine/wasm.js';
export { terminateWorkers } from './engine/pool.js';
export type { EngineName, FormName, LossName } from './engine/types.js';
export type { Diagnostic, DiagnosticCode, Severity, FitStatus, StatusCode } from './core/diagnostic-codes.js';
export { describeDiagnostic, severityLabel } from './i18n/diagnostics.js';
export { describeError } from './i18n/errors.js';
export { describeStatus } from './i18n/status.js';
export { parseNumber } from './format/parse-number.js';
export { LAWS, type LawDescriptor } from './laws/index.js';
