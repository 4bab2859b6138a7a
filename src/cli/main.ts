/**
 * The `scaling-kit` command. Results go to stdout; any mistake in the call
 * or the data is one line on stderr and exit code 2, never a stack trace.
 */

import { ScalingKitError } from '../core/errors.js';
import { UsageError } from './args.js';
import { fitCommand, FIT_USAGE } from './fit-command.js';
import { optimalCommand, OPTIMAL_USAGE } from './optimal-command.js';
import { bootstrapCommand, BOOTSTRAP_USAGE } from './bootstrap-command.js';
import { isoflopCommand, ISOFLOP_USAGE } from './isoflop-command.js';
import { backtestCommand, BACKTEST_USAGE } from './backtest-command.js';
import { costCommand, COST_USAGE } from './cost-command.js';

const COMMANDS: Record<string, { usage: string; run: (argv: string[]) => string | Promise<string> }> = {
  fit: { usage: FIT_USAGE, run: fitCommand },
  bootstrap: { usage: BOOTSTRAP_USAGE, run: bootstrapCommand },
  isoflop: { usage: ISOFLOP_USAGE, run: isoflopCommand },
  optimal: { usage: OPTIMAL_USAGE, run: optimalCommand },
  backtest: { usage: BACKTEST_USAGE, run: backtestCommand },
  cost: { usage: COST_USAGE, run: costCommand },
};

const USAGE = `Usage:\n${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n\n')}`;

async function run(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return USAGE;
  const entry = COMMANDS[command];
  if (!entry) throw new UsageError(`unknown command "${command}" (try: ${Object.keys(COMMANDS).join(', ')}, --help)`);
  if (rest.includes('--help') || rest.includes('-h')) return entry.usage;
  return entry.run(rest);
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
