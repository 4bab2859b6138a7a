/**
 * The body of a fitting worker: it holds one WasmKernel and answers
 * `points` and `run` messages. Self-contained (no imports at run time) because
 * worker-source.ts ships its source text to Blob-URL workers and eval'd
 * worker_threads alike.
 */

import type { WasmKernel } from './wasm-kernel.js';

export interface WorkerPort {
  post(message: unknown, transfer?: ArrayBuffer[]): void;
  listen(handler: (message: any) => void): void;
}

export type WorkerRequest =
  | { type: 'points'; id: number; module: WebAssembly.Module; lnN: Float64Array; lnD: Float64Array; lnL: Float64Array }
  | {
      type: 'run'; id: number; form: number; loss: number; delta: number; params: number; starts: Float64Array;
      maxIter: number; maxEvals: number; gtol: number; ftol: number; lower?: Float64Array; upper?: Float64Array;
    };

export function workerMain(Kernel: typeof WasmKernel, port: WorkerPort): void {
  let kernel: WasmKernel | null = null;
  let module: WebAssembly.Module | null = null;
  port.listen((msg: WorkerRequest) => {
    try {
      if (msg.type === 'points') {
        if (!kernel || module !== msg.module) {
          module = msg.module;
          kernel = new Kernel(msg.module);
        }
        kernel.setPoints(msg.lnN, msg.lnD, msg.lnL);
        port.post({ type: 'ok', id: msg.id });
      } else {
        if (!kernel) throw new Error('worker has no data');
        const b = kernel.fitStarts(
          msg.form, msg.loss, msg.delta, msg.params, msg.starts,
          msg.maxIter, msg.maxEvals, msg.gtol, msg.ftol, msg.lower, msg.upper,
        );
        port.post({ type: 'ok', id: msg.id, batch: b }, [b.theta.buffer, b.f.buffer, b.iterations.buffer, b.evals.buffer, b.status.buffer] as ArrayBuffer[]);
      }
    } catch (e) {
      port.post({ type: 'error', id: msg.id, message: String((e as Error)?.message ?? e) });
    }
  });
}
