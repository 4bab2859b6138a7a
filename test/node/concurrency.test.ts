// Jobs that overlap on the worker pool: every result comes back, equal to the
// same job run alone, and Node stays alive until the last one settles. The
// jobs run in a child process whose only handle is the pool, so an early exit
// (the pool letting go of workers another job still needed) shows as a missing
// line or exit code 13, not as a hung test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

const SCRIPT = `
import { fit, bootstrap, demoRuns } from './src/index.ts';
import { OVERLAPPING_JOBS as jobs, jobSummary as summary } from './test/fixtures/overlapping-jobs.ts';
const runs = demoRuns();
const mode = process.argv.at(-1);
if (mode === 'alone') {
  const out = [];
  for (const job of jobs) out.push(summary(await job()));
  console.log(JSON.stringify(out));
} else {
  // An aborted bootstrap and an aborted fit before and between the real jobs.
  const abort1 = new AbortController(), abort2 = new AbortController();
  const doomed = [bootstrap(runs, { resamples: 400, signal: abort1.signal }), fit(runs, { strategy: 'exact', signal: abort2.signal })];
  setTimeout(() => abort1.abort(), 5);
  const settled = Promise.allSettled(doomed);
  const all = Promise.all(jobs.map((job, i) => (i === 4 && abort2.abort(), job())));
  const out = (await all).map(summary);
  const aborted = (await settled).map((s) => s.status);
  console.log(JSON.stringify(out));
  console.log(JSON.stringify(aborted));
}
`;

const run = (mode: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT, mode], {
    cwd: repo, encoding: 'utf8', timeout: 240000,
  });

test('eight overlapping jobs with aborts between them all return, equal to each job alone', () => {
  const alone = run('alone');
  assert.equal(alone.status, 0, alone.stderr);
  const together = run('together');
  assert.equal(together.status, 0, `exit ${together.status}: ${together.stderr}`);
  const [resultLine, abortLine] = together.stdout.trim().split('\n');
  assert.ok(resultLine && abortLine, `missing output: ${together.stdout}`);
  assert.deepEqual(JSON.parse(resultLine), JSON.parse(alone.stdout.trim()));
  assert.deepEqual(JSON.parse(abortLine), ['rejected', 'rejected']);
});
