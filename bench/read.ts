/** Bench (h): readRuns on a large CSV (d3-dsv parse, column recognition, validation of every cell). */
import { readRuns } from '../src/index.js';

export function measureRead(rows = 100_000, repeats = 5): { rows: number; repeats: number; medianMs: number } {
  const lines = ['N;D;loss'];
  for (let i = 0; i < rows; i++) lines.push(`${1e6 * (1 + (i % 997))};${1e9 * (1 + (i % 991))};${2 + (i % 13) / 10}`);
  const text = `\ufeff${lines.join('\r\n')}\r\n`;
  const times: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    const runs = readRuns(text);
    times.push(performance.now() - t0);
    if (runs.N.length !== rows) throw new Error(`read ${runs.N.length} of ${rows} rows`);
  }
  times.sort((a, b) => a - b);
  return { rows, repeats, medianMs: times[Math.floor(repeats / 2)] };
}
