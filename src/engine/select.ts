/**
 * Which engine runs a fit: the best WebAssembly build this JavaScript engine
 * validates, or one asked for by name, or the TypeScript twin where
 * WebAssembly cannot run (e.g. a Content-Security-Policy without
 * 'wasm-unsafe-eval').
 */

import { ScalingKitError } from '../core/errors.js';
import { JsEngine } from './js/multistart.js';
import type { Engine, EngineName } from './types.js';
import { createWasmEngine, type WasmBuild } from './wasm.js';

export const ENGINE_NAMES: readonly EngineName[] = ['relaxed-simd', 'simd', 'scalar', 'js'];

export function createEngine(name: EngineName | 'auto' = 'auto'): Engine {
  if (name === 'js') return new JsEngine();
  const engine = createWasmEngine(name === 'auto' ? undefined : (name as WasmBuild));
  if (engine) return engine;
  if (name === 'auto') return new JsEngine();
  throw new ScalingKitError('engine', `the ${name} WebAssembly build cannot run here; use engine "auto" or "js"`);
}
