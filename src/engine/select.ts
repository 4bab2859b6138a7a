/**
 * Which engine runs a fit: the best WebAssembly build this JavaScript engine
 * validates, or one asked for by name, or the TypeScript twin where
 * WebAssembly cannot run (e.g. a Content-Security-Policy without
 * 'wasm-unsafe-eval'). Falling back says so once per page on the console:
 * the numbers are the same, only slower.
 */

import { ScalingKitError } from '../errors.js';
import { JsEngine } from './js/multistart.js';
import { ENGINE_NAMES, type Engine, type EngineName } from './types.js';
import { createWasmEngine, type WasmBuild } from './wasm.js';

export { ENGINE_NAMES };

let noticed = false;

/** The one console notice that `auto` fell back to the TypeScript engine. */
function noticeFallback(): void {
  if (noticed) return;
  noticed = true;
  const why = typeof WebAssembly === 'object'
    ? "WebAssembly may not be compiled here (a Content-Security-Policy without 'wasm-unsafe-eval'?)"
    : 'this JavaScript engine has no WebAssembly';
  console.info(`scaling-kit: ${why}; fitting with the TypeScript engine instead (same results, slower)`);
}

export function createEngine(name: EngineName | 'auto' = 'auto'): Engine {
  if (name === 'js') return new JsEngine();
  const engine = createWasmEngine(name === 'auto' ? undefined : (name as WasmBuild));
  if (engine) return engine;
  if (name === 'auto') {
    noticeFallback();
    return new JsEngine();
  }
  throw new ScalingKitError('engine', `the ${name} WebAssembly build cannot run here; use engine "auto" or "js"`);
}
