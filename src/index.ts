/**
 * scaling-kit's public API: read training runs, fit the Chinchilla law
 * exactly (WebAssembly, or its TypeScript twin), predict and plan with it.
 * Importing this module registers no elements and starts no workers.
 */

export { readRuns, runsFromArrays, type RunsInput, type ReadRunsOptions } from './core/runs.js';
export type { Runs } from './core/runs-types.js';
export { ScalingKitError, DataError, OptionError, type ErrorCode } from './core/errors.js';
export { fit, fitSync, type FitResult } from './core/fit.js';
export type { FitOptions, Theta, Strategy } from './core/fit-options.js';
export { predict, computeOptimal, type ChinchillaParams, type ComputeOptimal } from './core/law.js';
export { hoffmannGrid, thetaNames } from './core/forms.js';
export { demoRuns, demoCsv } from './data/demo.js';
export { generateRuns, type SyntheticOptions } from './data/synthetic.js';
export { bestWasmBuild } from './engine/wasm.js';
export { terminateWorkers } from './engine/pool.js';
export type { EngineName } from './engine/types.js';
