/**
 * The TypeScript engine: L-BFGS from each start in turn, same contract and
 * output as the WebAssembly core (assembly/solve/multistart.ts).
 */

import { kitError } from '../../i18n/error-words/engine.js';
import { objective } from './objective.js';
import { lbfgs, type SolverOutcome } from './lbfgs.js';
import { Workspace, type Objective } from './workspace.js';
import { affineObjective, affineTheta } from './affine.js';
import { newBatch } from '../batch.js';
import { compactByWeight } from '../compact.js';
import { paramCount, type BatchResult, type Engine, type FitData, type ObjectiveSpec, type SolverSettings } from '../types.js';

/** As the WebAssembly core: the change of variables only without bounds, and only when it fits θ. */
function inScaledVariables(ws: Workspace, affine: Float64Array | undefined): Float64Array | undefined {
  return affine && affine.length === ws.n + ws.n * ws.n && !ws.bounded ? affine : undefined;
}

export class JsEngine implements Engine {
  readonly name = 'js' as const;
  /** The TypeScript twin holds no WebAssembly memory. */
  memoryBytes(): number { return 0; }
  private data: FitData | undefined;
  private ws: Workspace | undefined;

  setData(data: FitData): void {
    this.data = data;
  }

  private current(): FitData {
    if (!this.data) throw kitError('engine', 'engine-no-data', {});
    return this.data;
  }

  objective(spec: ObjectiveSpec, theta: Float64Array, grad: Float64Array): number {
    return objective(this.current(), spec, theta, grad);
  }

  private workspace(spec: ObjectiveSpec, solver: SolverSettings): Workspace {
    const P = paramCount(spec);
    const ws = this.ws?.n === P ? this.ws : (this.ws = new Workspace(P));
    ws.bounded = solver.lower !== undefined;
    ws.noise = solver.noise ?? 0;
    for (let i = 0; i < P; i++) {
      ws.lower[i] = solver.lower?.[i] ?? -Infinity;
      ws.upper[i] = solver.upper?.[i] ?? Infinity;
    }
    return ws;
  }

  private run(ws: Workspace, data: FitData, spec: ObjectiveSpec, start: Float64Array, solver: SolverSettings, out: BatchResult, k: number, affine?: Float64Array): void {
    const P = ws.n;
    for (let i = 0; i < P; i++) ws.x[i] = Math.min(Math.max(start[i], ws.lower[i]), ws.upper[i]);
    const outcome: SolverOutcome = { f: 0, iterations: 0, status: 0 };
    const fn: Objective = (x, g) => objective(data, spec, x, g);
    lbfgs(ws, affine ? affineObjective(fn, affine, P) : fn, solver, outcome);
    if (affine) affineTheta(affine, P, ws.x, out.theta.subarray(k * P, k * P + P));
    else out.theta.set(ws.x, k * P);
    out.f[k] = outcome.f;
    out.iterations[k] = outcome.iterations;
    out.evals[k] = ws.evals;
    out.status[k] = outcome.status;
  }

  fitStarts(spec: ObjectiveSpec, starts: Float64Array, solver: SolverSettings, affine?: Float64Array): BatchResult {
    const ws = this.workspace(spec, solver), P = ws.n, data = this.current();
    const count = Math.floor(starts.length / P);
    const out = newBatch(count, P);
    const inZ = inScaledVariables(ws, affine);
    for (let k = 0; k < count; k++) this.run(ws, data, spec, starts.subarray(k * P, k * P + P), solver, out, k, inZ);
    return out;
  }

  fitWeighted(spec: ObjectiveSpec, weights: Float64Array, start: Float64Array, solver: SolverSettings, affine?: Float64Array): BatchResult {
    const ws = this.workspace(spec, solver), data = this.current();
    const count = Math.floor(weights.length / data.count);
    const out = newBatch(count, ws.n);
    const inZ = inScaledVariables(ws, affine);
    for (let k = 0; k < count; k++) this.run(ws, compactByWeight(data, weights, k * data.count), spec, start, solver, out, k, inZ);
    return out;
  }
}
