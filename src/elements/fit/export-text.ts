/**
 * Which text a <scaling-fit> download carries, and when there is none: the
 * runs as CSV as soon as there are runs (with predictions once fitted); the
 * fit as JSON (with any bootstrap intervals and the data's source), as a
 * Python function or as a LaTeX equation only once it has finished. The
 * formats themselves are written in exports.ts; this is the choice among
 * them, kept apart so the element only hands over what it holds.
 */

import type { Runs } from '../../core/runs-types.js';
import type { TextFormat } from '../base.js';
import type { RunsSourceController } from '../controllers/runs-source.js';
import type { FitJobs } from './jobs.js';
import { fitCsv, fitJson, fitLatex, fitPython } from './exports.js';

/** The text of a download in `format`; throws (with `error`, the element's, when there are no runs) when there is nothing to give. */
export function fitExportText(format: TextFormat, runs: Runs | undefined, jobs: FitJobs, source: RunsSourceController, error: string | null): string {
  const result = jobs.result;
  if (!runs) throw new Error(error ?? 'nothing to export');
  if (format === 'csv') return fitCsv(runs, result);
  if (!result) throw new Error('the fit has not finished');
  if (format === 'json') return fitJson(result, jobs.intervals, runs, source.sourceLabel);
  return format === 'python' ? fitPython(result) : fitLatex(result);
}
