/**
 * The `scaling-kit` command as a function: `runCli(argv)` runs one call and
 * returns what the process should print and its exit code, so the command can
 * be tested (and fuzzed) in-process; main.ts only hands it process.argv. Any
 * mistake in the call or the data is one line (line breaks in echoed input
 * are escaped) and code 2; anything else is an internal error, code 1.
 */

import { ScalingKitError } from '../errors.js';
import { UsageError } from './args.js';
import { oneLine } from './format.js';
import { clip, quote } from '../core/limits.js';
import { closestName } from '../core/option-names.js';
import { VERSION } from '../version.js';
import { fitCommand, FIT_USAGE } from './fit-command.js';
import { optimalCommand, OPTIMAL_USAGE } from './optimal-command.js';
import { bootstrapCommand, BOOTSTRAP_USAGE } from './bootstrap-command.js';
import { isoflopCommand, ISOFLOP_USAGE } from './isoflop-command.js';
import { backtestCommand, BACKTEST_USAGE } from './backtest-command.js';
import { costCommand, COST_USAGE } from './cost-command.js';
import { chainCommand, CHAIN_USAGE } from './chain-command.js';
import { compareCommand, COMPARE_USAGE } from './compare-command.js';
import { extrapolateCommand, EXTRAPOLATE_USAGE } from './extrapolate-command.js';

/**
 * What a command prints: its stdout text, or that and lines for stderr that do
 * not make it fail (a fit's diagnostics: "warning: …").
 */
export type CommandOutput = string | { stdout: string; stderr: string };

const COMMANDS: Record<string, { usage: string; run: (argv: string[]) => CommandOutput | Promise<CommandOutput> }> = {
  fit: { usage: FIT_USAGE, run: fitCommand },
  bootstrap: { usage: BOOTSTRAP_USAGE, run: bootstrapCommand },
  isoflop: { usage: ISOFLOP_USAGE, run: isoflopCommand },
  optimal: { usage: OPTIMAL_USAGE, run: optimalCommand },
  backtest: { usage: BACKTEST_USAGE, run: backtestCommand },
  chain: { usage: CHAIN_USAGE, run: chainCommand },
  compare: { usage: COMPARE_USAGE, run: compareCommand },
  extrapolate: { usage: EXTRAPOLATE_USAGE, run: extrapolateCommand },
  cost: { usage: COST_USAGE, run: costCommand },
};

/** The longest error line the command prints (then "…"). */
const MAX_ERROR_LINE = 500;

export const USAGE = `scaling-kit ${VERSION}: fit, check, plan and compare neural scaling laws.
Usage:\n${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n\n')}

  scaling-kit --version prints the version; scaling-kit COMMAND --help one command's options.`;

export interface CliOutcome {
  /** 0 success, 2 a bad call or bad data, 1 an internal error. */
  status: number;
  /** Text for stdout (with its final newline), '' when there is none. */
  stdout: string;
  /** On failure one line for stderr; on success '' or the command's notes, one per line (each with its newline). */
  stderr: string;
}

async function dispatch(argv: string[]): Promise<CommandOutput> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return USAGE;
  if (command === '--version' || command === '-V' || command === 'version') return `scaling-kit ${VERSION}`;
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) {
    const guess = closestName(command, Object.keys(COMMANDS));
    throw new UsageError(`unknown command ${quote(command)}${guess ? `; did you mean ${guess}?` : ''} (commands: ${Object.keys(COMMANDS).join(', ')}; --help, --version)`);
  }
  if (rest.includes('--help') || rest.includes('-h')) return entry.usage;
  return entry.run(rest);
}

export async function runCli(argv: string[]): Promise<CliOutcome> {
  try {
    const out = await dispatch(argv);
    const { stdout, stderr } = typeof out === 'string' ? { stdout: out, stderr: '' } : out;
    return { status: 0, stdout: stdout === '' ? '' : `${stdout}\n`, stderr: stderr === '' ? '' : `${stderr}\n` };
  } catch (e) {
    const known = e instanceof UsageError || e instanceof ScalingKitError;
    const message = e instanceof Error ? e.message : String(e);
    // Messages quote at most 80 characters of any input; this cap on the whole line is a backstop for the rest.
    return { status: known ? 2 : 1, stdout: '', stderr: `scaling-kit: ${clip(oneLine(known ? message : `internal error: ${message}`), MAX_ERROR_LINE)}\n` };
  }
}
