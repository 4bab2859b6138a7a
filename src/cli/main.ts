/**
 * The `scaling-kit` command. Results go to stdout; any mistake in the call
 * or the data is one line on stderr and exit code 2, never a stack trace.
 * The work is in run.ts; this module only connects it to the process.
 */

import { runCli } from './run.js';

void runCli(process.argv.slice(2)).then(({ status, stdout, stderr }) => {
  if (stdout) process.stdout.write(stdout);
  if (stderr) process.stderr.write(stderr);
  process.exitCode = status;
});
