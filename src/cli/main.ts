/**
 * The `scaling-kit` command. Results go to stdout; any mistake in the call
 * or the data is one line on stderr and exit code 2, never a stack trace.
 */

import { ScalingKitError } from '../core/errors.js';
import { UsageError } from './args.js';
import { fitCommand, FIT_USAGE } from './fit-command.js';
import { optimalCommand, OPTIMAL_USAGE } from './optimal-command.js';

const USAGE = `Usage:
  ${FIT_USAGE}

  ${OPTIMAL_USAGE}`;

async function run(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return USAGE;
  if (command === 'fit') return fitCommand(rest);
  if (command === 'optimal') return optimalCommand(rest);
  throw new UsageError(`unknown command "${command}" (try: fit, optimal, --help)`);
}

run(process.argv.slice(2)).then(
  (out) => {
    process.stdout.write(out + '\n');
  },
  (e: unknown) => {
    const known = e instanceof UsageError || e instanceof ScalingKitError;
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`scaling-kit: ${known ? message : `internal error: ${message}`}\n`);
    process.exitCode = known ? 2 : 1;
  },
);
