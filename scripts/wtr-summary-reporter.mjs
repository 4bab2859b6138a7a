// Reporters for web-test-runner, quiet when the tests pass:
//
// failuresOnlyReporter(): web-test-runner's default reporter, but only for test files
//   that failed (their failing tests with the assertion and stack, load errors, and that
//   file's browser logs and failed requests), and without its progress bar. A passing
//   file prints nothing, so expected console noise and expected 404s stay out of the log.
// summaryLineReporter(): ends the run with one line,
//   browser: N passed, N failed, N skipped
//   and, when the run had more than one browser, each one's counts after it.
//   A test file that failed to load, or a session that errored outside any test, counts
//   as one failure: otherwise a broken import would read as "0 failed". If
//   SCALING_KIT_WTR_SUMMARY names a file, the counts are also written there as JSON, so
//   scripts/run-tests.mjs can add them up and reject a run that found zero tests.
import { writeFileSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';

/** Counts the tests of one session's result tree. */
function countTests(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite?.suites ?? []) countTests(child, counts);
}

function summarize(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0, files: 0 };
  const files = new Set();
  for (const session of sessions) {
    files.add(session.testFile);
    const failedBefore = counts.failed;
    countTests(session.testResults, counts);
    // Failed (or never finished) with no failing test to show for it: a load
    // error, a timeout, an uncaught error between tests.
    if (session.passed !== true && counts.failed === failedBefore) counts.failed++;
  }
  counts.files = files.size;
  return counts;
}

/** Counts over all sessions, and `browsers`: the same per browser, by the launcher's name. */
function summarizeByBrowser(sessions) {
  const names = [...new Set(sessions.map((s) => s.browser.name))];
  const browsers = Object.fromEntries(names.map((name) => [name, summarize(sessions.filter((s) => s.browser.name === name))]));
  return { ...summarize(sessions), browsers };
}

export function failuresOnlyReporter() {
  const base = defaultReporter({ reportTestResults: true, reportTestProgress: false });
  return {
    start: (args) => base.start(args),
    reportTestFileResults(args) {
      if (args.sessionsForTestFile.some((session) => session.passed !== true)) return base.reportTestFileResults(args);
      return undefined;
    },
    getTestProgress: () => [],
  };
}

export function summaryLineReporter() {
  let finalLine;
  return {
    // stop() runs just before the runner prints its final progress, and the
    // progress of the last reporter is printed last: so the line lands at the end.
    stop({ sessions }) {
      const counts = summarizeByBrowser(sessions);
      const each = Object.entries(counts.browsers).map(([name, c]) => `${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
      finalLine = `browser: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${each.length > 1 ? ` (${each.join('; ')})` : ''}`;
      const out = process.env.SCALING_KIT_WTR_SUMMARY;
      if (out) writeFileSync(out, JSON.stringify(counts));
    },
    getTestProgress() {
      return finalLine ? [finalLine] : [];
    },
  };
}
