// Overlapping jobs on the page's worker pool: a worker holds one job's data at
// a time, so fits and bootstraps that run together (with aborts between them)
// must each return what they return alone.
import { expect } from '@esm-bundle/chai';
import { fit } from '../../src/core/fit.js';
import { bootstrap } from '../../src/core/bootstrap-fit.js';
import { demoRuns } from '../../src/data/demo.js';
import { OVERLAPPING_JOBS, jobSummary } from '../fixtures/overlapping-jobs.js';

const runs = demoRuns();
const jobs = OVERLAPPING_JOBS, summary = jobSummary;

describe('overlapping jobs in the browser', () => {
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
