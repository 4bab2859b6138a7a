// Overlapping jobs on the page's worker pool: a worker holds one job's data at
// a time, so fits and bootstraps that run together (with aborts between them)
// must each return what they return alone.
import { expect } from '@esm-bundle/chai';
import { fit } from '../../src/core/fit.js';
import { bootstrap } from '../../src/core/bootstrap-fit.js';
import { demoRuns } from '../../src/data/demo.js';

const runs = demoRuns();
// Each job fits different runs (dropHighest), so a worker that computed one job's
// chunk on another's data would change its numbers.
const jobs = [
  () => fit(runs, { strategy: 'exact', dropHighest: 1 }),
  () => fit(runs, { strategy: 'exact', loss: 'squared', dropHighest: 2 }),
  () => bootstrap(runs, { resamples: 40, seed: 1, rng: 'numpy', dropHighest: 3 }),
  () => fit(runs, { strategy: 'exact', delta: 1e-2, dropHighest: 4 }),
  () => fit(runs, { strategy: 'fast', loss: 'squared', dropHighest: 5 }),
  () => bootstrap(runs, { resamples: 24, seed: 2, rng: 'numpy', dropHighest: 6 }),
  () => fit(runs, { strategy: 'exact', form: 'saturating', variable: 'C', dropHighest: 7 }),
  () => fit(runs, { dropHighest: 8 }),
];
type Job = Awaited<ReturnType<(typeof jobs)[number]>>;
const summary = (r: Job) => ('objective' in r ? { objective: r.objective, theta: r.theta } : { alpha: r.params.alpha });

describe('overlapping jobs in Chromium', () => {
  it('eight jobs at once, with two aborted ones among them, equal each job run alone', async function () {
    this.timeout(120000);
    const alone = [];
    for (const job of jobs) alone.push(summary(await job()));
    const abortBootstrap = new AbortController(), abortFit = new AbortController();
    const doomed = Promise.allSettled([
      bootstrap(runs, { resamples: 400, signal: abortBootstrap.signal }),
      fit(runs, { strategy: 'exact', signal: abortFit.signal }),
    ]);
    setTimeout(() => abortBootstrap.abort(), 5);
    const together = await Promise.all(jobs.map((job, i) => {
      if (i === 4) abortFit.abort();
      return job();
    }));
    expect(together.map(summary)).to.deep.equal(alone);
    expect((await doomed).map((s) => s.status)).to.deep.equal(['rejected', 'rejected']);
  });
});
