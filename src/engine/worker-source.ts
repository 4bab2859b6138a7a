/**
 * Starting fitting workers without a separate file, so one script works from
 * file://, a CDN or Node alike: the worker's code is the source text of
 * WasmKernel and workerMain, run from a Blob URL in browsers and as an
 * eval'd worker_threads script in Node.
 */

import { kitError } from '../i18n/error-words/engine.js';
import { WasmKernel } from './wasm-kernel.js';
import { workerMain } from './worker-main.js';

/** Minimal surface shared by DOM Workers and Node worker_threads we rely on. */
export interface FitWorker {
  post(message: unknown, transfer?: ArrayBuffer[]): void;
  onMessage(handler: (message: any) => void): void;
  onError(handler: (error: Error) => void): void;
  terminate(): void;
  /** Whether Node may exit while the worker idles: hold it only while it works (no-op in browsers). */
  hold(busy: boolean): void;
}

// Transpilers that keep function names (tsx) may emit calls to a `__name`
// helper inside function bodies; give the worker a harmless one.
const PRELUDE = 'var __name = (f) => f;\n';

function source(adapter: string): string {
  return `${PRELUDE}const WasmKernel = ${WasmKernel.toString()};\n(${workerMain.toString()})(WasmKernel, ${adapter});\n`;
}

const BROWSER_PORT = '{ post: (m, t) => self.postMessage(m, t || []), listen: (h) => { self.onmessage = (e) => h(e.data); } }';
// process.getBuiltinModule, not require: an eval'd worker runs as an ES module when the
// parent was started with --input-type=module, and there `require` is undefined. The
// parent only starts workers where getBuiltinModule exists (nodeWorkerThreads below).
const NODE_PORT = "(() => { const p = process.getBuiltinModule('node:worker_threads').parentPort; return { post: (m, t) => p.postMessage(m, t), listen: (h) => p.on('message', h) }; })()";

interface NodeWorkerThreads {
  Worker: new (code: string, options: { eval: true }) => {
    postMessage(m: unknown, t?: ArrayBuffer[]): void;
    on(event: string, h: (v: any) => void): void;
    terminate(): Promise<number>;
    ref(): void;
    unref(): void;
  };
}

function nodeWorkerThreads(): NodeWorkerThreads | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (proc?.getBuiltinModule?.('node:worker_threads') as NodeWorkerThreads | undefined) ?? null;
}

let blobUrl: string | null = null;

let refused = false;

/**
 * Remembers for the rest of the page (or process) that a worker could not be
 * started (e.g. a Content-Security-Policy worker-src without blob:), so later
 * fits go straight to this thread instead of failing, and logging, again.
 */
export function markWorkersRefused(): void {
  refused = true;
}

/** Forgets a refusal (tests that swap `Worker` out and back in stand for two different pages). */
export function forgetWorkerRefusal(): void {
  refused = false;
}

/** Whether this environment can start fitting workers at all (and has not refused one already). */
export function workersAvailable(): boolean {
  if (refused) return false;
  if (browserWorker() && typeof Blob === 'function' && typeof URL?.createObjectURL === 'function') return true;
  return nodeWorkerThreads() !== null;
}

/** The part of a browser's Worker the pool uses. */
interface BrowserWorkerLike {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null;
  terminate(): void;
}

/** The page's (or a worker's) Worker constructor; none in Node, which has worker_threads instead. */
const browserWorker = () => (globalThis as { Worker?: new (url: string) => BrowserWorkerLike }).Worker;

/** Starts one worker; throws where workers cannot be created (e.g. CSP worker-src). */
export function startWorker(): FitWorker {
  const BrowserWorker = browserWorker();
  if (BrowserWorker && typeof Blob === 'function') {
    blobUrl ??= URL.createObjectURL(new Blob([source(BROWSER_PORT)], { type: 'text/javascript' }));
    const w = new BrowserWorker(blobUrl);
    return {
      post: (m, t) => w.postMessage(m, t ?? []),
      onMessage: (h) => { w.onmessage = (e) => h(e.data); },
      onError: (h) => {
        w.onerror = (e) => { e.preventDefault(); h(e.message ? new Error(e.message) : kitError('engine', 'worker-failed', {})); };
      },
      terminate: () => w.terminate(),
      hold: () => {},
    };
  }
  const threads = nodeWorkerThreads();
  if (!threads) throw kitError('engine', 'worker-unsupported', {});
  const w = new threads.Worker(source(NODE_PORT), { eval: true });
  return {
    post: (m, t) => w.postMessage(m, t),
    onMessage: (h) => w.on('message', h),
    onError: (h) => w.on('error', h),
    terminate: () => void w.terminate(),
    hold: (busy) => (busy ? w.ref() : w.unref()),
  };
}

/** Logical processors, to size the pool. */
export function hardwareThreads(): number {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (nav?.hardwareConcurrency) return nav.hardwareConcurrency;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const os = proc?.getBuiltinModule?.('node:os') as { availableParallelism?: () => number } | undefined;
  return os?.availableParallelism?.() ?? 1;
}
