/**
 * The TypeScript engine: L-BFGS from each start in turn, same contract and
 * output as the WebAssembly core's fitStarts (assembly/solve/multistart.ts).
 */

import { chinchillaObjective, LOSS_HUBER, LOSS_SQUARED } from './chinchilla.js';
import { lbfgs, type SolverOutcome } from './lbfgs.js';
import { Workspace } from './workspace.js';
import { newBatch } from '../batch.js';
import { PARAM_COUNT, type BatchResult, type Engine, type LogPoints, type ObjectiveSpec, type SolverSettings } from '../types.js';

export class JsEngine implements Engine {
  readonly name = 'js' as const;
  private points: LogPoints = { count: 0, lnN: new Float64Array(0), lnD: new Float64Array(0), lnL: new Float64Array(0) };
  private ws: Workspace | undefined;

  setPoints(points: LogPoints): void {
    this.points = points;
  }

  objective(spec: ObjectiveSpec, theta: Float64Array, grad: Float64Array): number {
    return chinchillaObjective(this.points, theta, grad, spec.loss === 'squared' ? LOSS_SQUARED : LOSS_HUBER, spec.delta);
  }

  fitStarts(spec: ObjectiveSpec, starts: Float64Array, solver: SolverSettings): BatchResult {
    const P = PARAM_COUNT[spec.form];
    const count = Math.floor(starts.length / P);
    const ws = this.ws?.n === P ? this.ws : (this.ws = new Workspace(P));
    const fn = (x: Float64Array, g: Float64Array) => this.objective(spec, x, g);
    ws.bounded = solver.lower !== undefined;
    for (let i = 0; i < P; i++) {
      ws.lower[i] = solver.lower?.[i] ?? -Infinity;
      ws.upper[i] = solver.upper?.[i] ?? Infinity;
    }
    const out = newBatch(count, P);
    const outcome: SolverOutcome = { f: 0, iterations: 0, status: 0 };
    for (let k = 0; k < count; k++) {
      for (let i = 0; i < P; i++) ws.x[i] = Math.min(Math.max(starts[k * P + i], ws.lower[i]), ws.upper[i]);
      lbfgs(ws, fn, solver, outcome);
      out.theta.set(ws.x, k * P);
      out.f[k] = outcome.f;
      out.iterations[k] = outcome.iterations;
      out.evals[k] = ws.evals;
      out.status[k] = outcome.status;
    }
    return out;
  }
}
