/** `scaling-kit fit [FILE]`: fit a scaling law to runs in a CSV or JSON file (or the demo set). */

import { readFileSync } from 'node:fs';
import { fit } from '../core/fit.js';
import type { FormName } from '../engine/types.js';
import { FIT_FLAGS, FIT_FLAGS_USAGE, fitOptionsFromFlags } from './fit-flags.js';
import { demoRuns } from '../data/demo.js';
import { parse, UsageError } from './args.js';
import { formatDiagnostics, formatFit } from './format.js';
import type { CommandOutput } from './run.js';
import { checkOutput, writeAtomically } from './output.js';

export const FIT_USAGE = `scaling-kit fit [FILE|-] ${FIT_FLAGS_USAGE} [--json] [--output OUT]
  Fits a scaling law (default: L(N, D) = E + A/N^alpha + B/D^beta) to the runs in FILE
  (CSV or JSON; - reads stdin). Without FILE it fits the embedded demo dataset.
  --output OUT writes the result to OUT instead of stdout, whole or not at all.
  What the fit says about itself (collinear N and D, parameters the data do not
  determine, outliers, …) goes to stderr, one line each ("warning: …"); it does
  not change the exit code. --json includes it as "diagnostics".`;

export async function fitCommand(argv: string[]): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, { ...FIT_FLAGS, json: { type: 'boolean' }, output: { type: 'string' } }, 1);
  const output = values.output as string | undefined;
  if (output !== undefined) checkOutput(output);
  const options = fitOptionsFromFlags(values);
  const file = positionals[0];
  const input = file === undefined ? demoRuns() : readInput(file);
  const result = await fit<FormName>(input, options);
  const text = values.json ? JSON.stringify(result) : formatFit(result);
  const stderr = formatDiagnostics(result.diagnostics, result.form);
  if (output === undefined) return { stdout: text, stderr };
  writeAtomically(output, `${text}\n`);
  return { stdout: '', stderr };
}

export function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new UsageError(`cannot read ${file === '-' ? 'standard input' : `"${file}"`}: ${why}`);
  }
}
