/**
 * Choosing and loading a WebAssembly build: relaxed-SIMD, then SIMD, then
 * scalar, whichever `WebAssembly.validate` accepts first in this engine.
 * Compiled modules are cached; `null` means WebAssembly is unavailable here
 * (e.g. a Content-Security-Policy without 'wasm-unsafe-eval').
 */

import { wasmBytes, wasmRelaxedSimd, wasmScalar, wasmSimd } from './generated/wasm-bytes.js';
import { WasmKernel, type KernelColumns, type KernelSpec } from './wasm-kernel.js';
import { FORM_IDS, LOSS_IDS, VARIABLE_IDS, type BatchResult, type Engine, type EngineName, type FitData, type ObjectiveSpec, type SolverSettings } from './types.js';

export type WasmBuild = Exclude<EngineName, 'js'>;

const SOURCES: Record<WasmBuild, string> = { 'relaxed-simd': wasmRelaxedSimd, simd: wasmSimd, scalar: wasmScalar };
export const WASM_BUILDS: readonly WasmBuild[] = ['relaxed-simd', 'simd', 'scalar'];

const modules = new Map<WasmBuild, WebAssembly.Module | null>();

/** The compiled module of one build, or null when this engine cannot validate or compile it. */
export function wasmModule(build: WasmBuild): WebAssembly.Module | null {
  if (!modules.has(build)) {
    let module: WebAssembly.Module | null = null;
    try {
      if (typeof WebAssembly === 'object') {
        const bytes = wasmBytes(SOURCES[build]);
        if (WebAssembly.validate(bytes)) module = new WebAssembly.Module(bytes);
      }
    } catch {
      module = null; // CSP refusal or no WebAssembly: the caller falls back.
    }
    modules.set(build, module);
  }
  return modules.get(build)!;
}

/** The best build this engine accepts, or null. */
export function bestWasmBuild(): WasmBuild | null {
  for (const build of WASM_BUILDS) if (wasmModule(build)) return build;
  return null;
}

/** The kernel's numeric encoding of an objective and solver settings. */
export function kernelSpec(spec: ObjectiveSpec, solver?: SolverSettings): KernelSpec {
  return {
    form: FORM_IDS[spec.form], loss: LOSS_IDS[spec.loss], delta: spec.delta, asymmetry: spec.asymmetry,
    variable: VARIABLE_IDS[spec.variable], breaks: spec.breaks, constants: spec.constants,
    tieTarget: spec.tie ? spec.tie[0] : -1, tieSource: spec.tie ? spec.tie[1] : 0,
    maxIter: solver?.maxIter ?? 0, maxEvals: solver?.maxEvals ?? 0, gtol: solver?.gtol ?? 0, ftol: solver?.ftol ?? 0, noise: solver?.noise ?? 0,
    lower: solver?.lower, upper: solver?.upper,
  };
}

export function kernelColumns(d: FitData): KernelColumns {
  return [d.lnN, d.lnD, d.lnC, d.lnU, d.lnL, d.loss, d.input, d.weight];
}

export class WasmEngine implements Engine {
  readonly name: WasmBuild;
  private readonly kernel: WasmKernel;

  constructor(build: WasmBuild, module: WebAssembly.Module) {
    this.name = build;
    this.kernel = new WasmKernel(module);
  }

  setData(data: FitData): void {
    this.kernel.setData(kernelColumns(data));
  }

  objective(spec: ObjectiveSpec, theta: Float64Array, grad: Float64Array): number {
    return this.kernel.objective(kernelSpec(spec), theta, grad);
  }

  fitStarts(spec: ObjectiveSpec, starts: Float64Array, solver: SolverSettings, affine?: Float64Array): BatchResult {
    return this.kernel.fitStarts(kernelSpec(spec, solver), starts, affine);
  }

  fitWeighted(spec: ObjectiveSpec, weights: Float64Array, start: Float64Array, solver: SolverSettings, affine?: Float64Array): BatchResult {
    return this.kernel.fitWeighted(kernelSpec(spec, solver), weights, start, affine);
  }

  memoryBytes(): number {
    return this.kernel.memoryBytes();
  }
}

/** An engine of a given build (or the best available), or null when WebAssembly cannot run here. */
export function createWasmEngine(build?: WasmBuild): WasmEngine | null {
  const chosen = build ?? bestWasmBuild();
  if (!chosen) return null;
  const module = wasmModule(chosen);
  return module ? new WasmEngine(chosen, module) : null;
}
