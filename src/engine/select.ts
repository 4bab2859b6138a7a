/**
 * Which engine runs a fit: the best WebAssembly build this JavaScript engine
 * validates, or one asked for by name, or the TypeScript twin where
 * WebAssembly cannot run (e.g. a Content-Security-Policy without
 * 'wasm-unsafe-eval'). Falling back says so once per page on the console:
 * the numbers are the same, only slower.
 */

import { kitError, worded } from '../i18n/error-words/engine.js';
import { JsEngine } from './js/multistart.js';
import { ENGINE_NAMES, type Engine, type EngineName } from './types.js';
import { createWasmEngine, type WasmBuild } from './wasm.js';

export { ENGINE_NAMES };

let noticed = false;

/** The one console notice that `auto` fell back to the TypeScript engine. */
function noticeFallback(): void {
  if (noticed) return;
  noticed = true;
  // The notice's English words, from the same table as the errors' (src/i18n/error-words/engine.ts).
  const said = worded(typeof WebAssembly === 'object' ? 'notice-wasm-refused' : 'notice-no-wasm', {}).message;
  console.info(`scaling-kit: ${said}`);
}

export function createEngine(name: EngineName | 'auto' = 'auto'): Engine {
  if (name === 'js') return new JsEngine();
  const engine = createWasmEngine(name === 'auto' ? undefined : (name as WasmBuild));
  if (engine) return engine;
  if (name === 'auto') {
    noticeFallback();
    return new JsEngine();
  }
  throw kitError('engine', 'engine-build-unavailable', { name });
}
