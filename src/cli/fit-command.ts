/** `scaling-kit fit [FILE]`: fit a scaling law to runs in a CSV or JSON file (or the demo set). */

import { fit } from '../core/fit.js';
import type { FormName } from '../laws/names.js';
import { FIT_FLAGS, FIT_FLAGS_USAGE, fitOptionsFromFlags, runsForFit } from './fit-flags.js';
import { INPUT_FLAGS, INPUT_FLAGS_USAGE, INPUT_LIMITS_NOTE, inputLimits } from './input.js';
import { demoRuns } from '../data/demo.js';
import { parse } from './args.js';
import { formatDiagnostics, formatFit } from './format.js';
import type { CommandOutput } from './run.js';
import { checkOutput, writeOutput } from './output.js';
import { resultJson } from './json.js';

export const FIT_USAGE = `scaling-kit fit [FILE|-] ${FIT_FLAGS_USAGE} [--json [--timing]] [--output OUT [--force]]
                ${INPUT_FLAGS_USAGE}
  Fits a scaling law (default: L(N, D) = E + A/N^alpha + B/D^beta) to the runs in FILE
  (CSV or JSON; - reads stdin). Without FILE it fits the embedded demo dataset.
  The task forms fit a benchmark score against the loss (metric= names its column), e.g.
  scaling-kit fit runs.csv --form task-exp --columns loss=loss_c4_val,metric=err_avg17
${INPUT_LIMITS_NOTE}
  --output OUT writes the result to OUT instead of stdout, whole or not at all
  (through symlinks; FIFOs, devices and /dev/stdout directly); --force replaces a read-only OUT.
  What the fit says about itself (collinear N and D, parameters the data do not
  determine, outliers, …) goes to stderr, one line each ("warning: …"); it does
  not change the exit code. --json includes it as "diagnostics".
  --json prints the same bytes for the same input; --timing adds the wall time
  in milliseconds ("ms").
  Examples: scaling-kit fit                              fits the embedded demo runs
            scaling-kit fit runs.csv --drop-highest 5 --json
            scaling-kit fit ladder.csv --columns N=N,D=D_tokens,loss=c4_loss --strategy exact`;

export async function fitCommand(argv: string[]): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, { ...FIT_FLAGS, ...INPUT_FLAGS, json: { type: 'boolean' }, timing: { type: 'boolean' }, output: { type: 'string' }, force: { type: 'boolean' } }, 1);
  const output = values.output as string | undefined;
  const force = values.force === true;
  if (output !== undefined) checkOutput(output, force);
  const flagged = fitOptionsFromFlags(values);
  const limits = inputLimits(values);
  const file = positionals[0];
  // The CLI reads FILE itself, within --max-rows and --max-bytes, and hands fit the runs.
  const { runs, options } = file === undefined ? { runs: demoRuns(), options: flagged } : runsForFit(file, flagged, limits);
  const result = await fit<FormName>(runs, options);
  const text = values.json ? resultJson(result, values.timing === true) : formatFit(result);
  const stderr = formatDiagnostics(result.diagnostics, result.form);
  if (output === undefined) return { stdout: text, stderr };
  writeOutput(output, `${text}\n`, force);
  return { stdout: '', stderr };
}

/** Kept for the commands that import it from here; it lives in input.ts. */
export { readInput } from './input.js';
