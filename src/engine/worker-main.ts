/**
 * The body of a fitting worker: it holds one WasmKernel and answers
 * `data`, `starts` and `weighted` messages. Self-contained (no imports at run
 * time) because worker-source.ts ships its source text to Blob-URL workers
 * and eval'd worker_threads alike.
 */

import type { KernelBatch, KernelColumns, KernelSpec, WasmKernel } from './wasm-kernel.js';

export interface WorkerPort {
  post(message: unknown, transfer?: ArrayBuffer[]): void;
  listen(handler: (message: any) => void): void;
}

/**
 * What a worker answers: a batch, or an error, either the worker's own
 * (`key`, worded by the pool: src/i18n/error-words/engine.ts) or one the
 * JavaScript engine raised while fitting (its `message` as is).
 */
export type WorkerReply =
  | { type: 'ok'; id: number; batch?: KernelBatch }
  | { type: 'error'; id: number; key: WorkerErrorKey }
  | { type: 'error'; id: number; message: string };

/** The worker's own errors: keys only, since its source runs where no table is (src/engine/worker-source.ts). */
export type WorkerErrorKey = 'worker-no-data';

export type WorkerRequest =
  | { type: 'data'; id: number; module: WebAssembly.Module; columns: KernelColumns }
  | { type: 'starts'; id: number; spec: KernelSpec; starts: Float64Array; affine?: Float64Array }
  | { type: 'weighted'; id: number; spec: KernelSpec; weights: Float64Array; start: Float64Array; affine?: Float64Array };

export function workerMain(Kernel: typeof WasmKernel, port: WorkerPort): void {
  let kernel: WasmKernel | null = null;
  let module: WebAssembly.Module | null = null;
  port.listen((msg: WorkerRequest) => {
    try {
      if (msg.type === 'data') {
        if (!kernel || module !== msg.module) {
          module = msg.module;
          kernel = new Kernel(msg.module);
        }
        kernel.setData(msg.columns);
        port.post({ type: 'ok', id: msg.id });
        return;
      }
      if (!kernel) {
        port.post({ type: 'error', id: msg.id, key: 'worker-no-data' } satisfies WorkerReply);
        return;
      }
      const b: KernelBatch = msg.type === 'starts' ? kernel.fitStarts(msg.spec, msg.starts, msg.affine) : kernel.fitWeighted(msg.spec, msg.weights, msg.start, msg.affine);
      port.post({ type: 'ok', id: msg.id, batch: b }, [b.theta.buffer, b.f.buffer, b.iterations.buffer, b.evals.buffer, b.status.buffer] as ArrayBuffer[]);
    } catch (e) {
      port.post({ type: 'error', id: msg.id, message: String((e as Error)?.message ?? e) });
    }
  });
}
