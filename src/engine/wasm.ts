/**
 * Choosing and loading a WebAssembly build: relaxed-SIMD, then SIMD, then
 * scalar, whichever `WebAssembly.validate` accepts first in this engine.
 * Compiled modules are cached; `null` means WebAssembly is unavailable here
 * (e.g. a Content-Security-Policy without 'wasm-unsafe-eval').
 */

import { decodeBase64, wasmRelaxedSimd, wasmScalar, wasmSimd } from './generated/wasm-bytes.js';
import { WasmKernel } from './wasm-kernel.js';
import { FORM_IDS, LOSS_IDS, PARAM_COUNT, type BatchResult, type Engine, type EngineName, type LogPoints, type ObjectiveSpec, type SolverSettings } from './types.js';

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
        const bytes = decodeBase64(SOURCES[build]);
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

export class WasmEngine implements Engine {
  readonly name: WasmBuild;
  private readonly kernel: WasmKernel;

  constructor(build: WasmBuild, module: WebAssembly.Module) {
    this.name = build;
    this.kernel = new WasmKernel(module);
  }

  setPoints(points: LogPoints): void {
    this.kernel.setPoints(points.lnN, points.lnD, points.lnL);
  }

  objective(spec: ObjectiveSpec, theta: Float64Array, grad: Float64Array): number {
    return this.kernel.objective(FORM_IDS[spec.form], LOSS_IDS[spec.loss], spec.delta, theta, grad);
  }

  fitStarts(spec: ObjectiveSpec, starts: Float64Array, solver: SolverSettings): BatchResult {
    return this.kernel.fitStarts(
      FORM_IDS[spec.form], LOSS_IDS[spec.loss], spec.delta, PARAM_COUNT[spec.form], starts,
      solver.maxIter, solver.maxEvals, solver.gtol, solver.ftol, solver.lower, solver.upper,
    );
  }
}

/** An engine of a given build (or the best available), or null when WebAssembly cannot run here. */
export function createWasmEngine(build?: WasmBuild): WasmEngine | null {
  const chosen = build ?? bestWasmBuild();
  if (!chosen) return null;
  const module = wasmModule(chosen);
  return module ? new WasmEngine(chosen, module) : null;
}
