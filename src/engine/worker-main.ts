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

export type WorkerRequest =
  | { type: 'data'; id: number; module: WebAssembly.Module; columns: KernelColumns }
  | { type: 'starts'; id: number; spec: KernelSpec; starts: Float64Array }
  | { type: 'weighted'; id: number; spec: KernelSpec; weights: Float64Array; start: Float64Array };

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
      if (!kernel) throw new Error('worker has no data');
      const b: KernelBatch = msg.type === 'starts' ? kernel.fitStarts(msg.spec, msg.starts) : kernel.fitWeighted(msg.spec, msg.weights, msg.start);
      port.post({ type: 'ok', id: msg.id, batch: b }, [b.theta.buffer, b.f.buffer, b.iterations.buffer, b.evals.buffer, b.status.buffer] as ArrayBuffer[]);
    } catch (e) {
      port.post({ type: 'error', id: msg.id, message: String((e as Error)?.message ?? e) });
    }
  });
}
