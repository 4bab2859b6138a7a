/**
 * Bench parts run in a Chromium page after the built IIFE
 * (dist/scaling-kit.min.js) is loaded:
 * - time from connecting a <scaling-fit> holding the 245-run Chinchilla CSV
 *   inline to its `scaling-fit-done` event and the frame that draws it;
 * - the main thread while that element fits and then bootstraps (longest task,
 *   tasks over 50 ms, from the Long Tasks API);
 * - a <scaling-calculator> slider: input event → table and chart updated;
 * - large inputs: the longest main-thread task while a
 *   <scaling-fit> with 10,000 runs in an inline CSV fits, draws and fills its
 *   hidden table, and while a <scaling-curve> whose law label is 100,000
 *   characters long draws and moves its cursor (tooltip and aria-label hold the label).
 */

import { syntheticCsv } from '../test/fixtures/synthetic-csv.js';

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)];
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

function fitElement(csv: string, attrs: Record<string, string> = {}): HTMLElement {
  const el = document.createElement('scaling-fit');
  el.setAttribute('drop-highest', '5');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const script = document.createElement('script');
  script.type = 'text/csv';
  script.textContent = csv;
  el.append(script);
  return el;
}

export async function measureFitElement(csv: string, repeats = 7): Promise<{ medianMs: number; minMs: number; points: number }> {
  const times: number[] = [];
  let points = 0;
  for (let k = 0; k < repeats; k++) {
    const el = fitElement(csv);
    const t0 = performance.now();
    const done = new Promise<void>((resolve) => el.addEventListener('scaling-fit-done', () => resolve(), { once: true }));
    document.body.append(el);
    await done;
    await frame();
    times.push(performance.now() - t0);
    points = el.shadowRoot?.querySelectorAll('circle').length ?? 0;
    el.remove();
  }
  times.sort((a, b) => a - b);
  return { medianMs: median(times), minMs: times[0], points };
}

/**
 * Long tasks on the page's thread from connecting a <scaling-fit> until its
 * `resamples`-resample bootstrap is drawn. The Long Tasks API reports every
 * task over 50 ms; `longestMs` is 0 when none was.
 */
export async function measureMainThread(csv: string, resamples = 1000): Promise<{ longestMs: number; over50: number; totalMs: number }> {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
  observer.observe({ type: 'longtask' });
  const el = fitElement(csv, { bootstrap: String(resamples) }) as HTMLElement & { runBootstrap(): Promise<void> };
  const t0 = performance.now();
  const fitted = new Promise<void>((resolve) => el.addEventListener('scaling-fit-done', () => resolve(), { once: true }));
  document.body.append(el);
  await fitted;
  const booted = new Promise<void>((resolve) => el.addEventListener('scaling-bootstrap-done', () => resolve(), { once: true }));
  void el.runBootstrap();
  await booted;
  await frame();
  const totalMs = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 100)); // long-task entries arrive asynchronously
  for (const e of observer.takeRecords()) tasks.push(e.duration);
  observer.disconnect();
  el.remove();
  return { longestMs: Math.max(0, ...tasks), over50: tasks.length, totalMs };
}

/** A <scaling-calculator> comparing three laws with the inference-aware split: slider input → updated. */
export async function measureCalculator(steps = 70, warmup = 10): Promise<{ medianMs: number; p90Ms: number; worstMs: number; updates: number }> {
  const el = document.createElement('scaling-calculator') as HTMLElement & { updateComplete: Promise<boolean> };
  el.setAttribute('laws', 'besiroglu2024,hoffmann2022,kaplan2020-nd');
  el.setAttribute('inference-tokens', '2T');
  let updates = 0;
  el.addEventListener('scaling-change', () => { updates++; });
  document.body.append(el);
  await el.updateComplete;
  const slider = el.shadowRoot!.querySelector<HTMLInputElement>('#flops-slider')!;
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    slider.value = String(18.5 + (i % 30) * 0.28);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    if (i >= warmup) times.push(performance.now() - t0); // the first steps warm up the JIT
  }
  el.remove();
  times.sort((a, b) => a - b);
  return { medianMs: median(times), p90Ms: times[Math.floor(times.length * 0.9)], worstMs: times[times.length - 1], updates };
}

/** Long-task durations (Long Tasks API: every task over 50 ms) while `body` runs, collected after a pause for late entries. */
async function longTasks<T>(body: () => Promise<T>): Promise<{ value: T; tasks: number[]; totalMs: number }> {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
  observer.observe({ type: 'longtask' });
  const t0 = performance.now();
  const value = await body();
  const totalMs = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 100)); // long-task entries arrive asynchronously
  for (const e of observer.takeRecords()) tasks.push(e.duration);
  observer.disconnect();
  return { value, tasks, totalMs };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


/**
 * The longest task on the page's thread from connecting a <scaling-fit> that
 * holds `rows` runs in an inline <script type="text/csv"> until its fit is
 * drawn and its visually hidden data table holds every run.
 */
export async function measureLargeTable(rows = 10_000): Promise<{ longestMs: number; over50: number; totalMs: number; rows: number }> {
  const csv = syntheticCsv(rows);
  const el = document.createElement('scaling-fit');
  const script = document.createElement('script');
  script.type = 'text/csv';
  script.textContent = csv;
  el.append(script);
  const tableRows = () => el.shadowRoot?.querySelector('.visually-hidden table tbody')?.childElementCount ?? 0;
  const { tasks, totalMs } = await longTasks(async () => {
    const fitted = new Promise<void>((resolve) => el.addEventListener('scaling-fit-done', () => resolve(), { once: true }));
    document.body.append(el);
    await fitted;
    await frame();
    // The hidden table follows the chart a task later (elements/controllers/lagging.ts).
    // The hidden table holds at most 1,000 runs and a row saying how many there are (src/chart/a11y.ts).
    for (let waited = 0; tableRows() < Math.min(rows, 1001) && waited < 20_000; waited += 20) await sleep(20);
    await frame();
  });
  const drawn = tableRows();
  el.remove();
  return { longestMs: Math.max(0, ...tasks), over50: tasks.length, totalMs, rows: drawn };
}

/**
 * The longest task on the page's thread while a <scaling-curve> whose law
 * label is `chars` characters long (words, so text can wrap) connects and
 * draws, then moves its cursor `steps` times with the arrow keys (each step
 * writes the label into the tooltip and lays it out). `stepMs` is the slowest step.
 */
export async function measureLongLabel(chars = 100_000, steps = 5): Promise<{ longestMs: number; over50: number; totalMs: number; stepMs: number; chars: number }> {
  const label = 'Chinchilla replication, Epoch AI '.repeat(Math.ceil(chars / 33)).slice(0, chars);
  const el = document.createElement('scaling-curve') as HTMLElement & { law: unknown; updateComplete: Promise<boolean> };
  el.law = { form: 'chinchilla', params: { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 }, label };
  let stepMs = 0;
  const { tasks, totalMs } = await longTasks(async () => {
    const drawn = new Promise<void>((resolve) => el.addEventListener('scaling-render', () => resolve(), { once: true }));
    document.body.append(el);
    await drawn;
    await frame();
    const plot = el.shadowRoot!.querySelector<HTMLElement>('.plot')!;
    plot.focus();
    for (let i = 0; i < steps; i++) {
      const t0 = performance.now();
      plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      stepMs = Math.max(stepMs, performance.now() - t0);
      await frame();
    }
  });
  el.remove();
  return { longestMs: Math.max(0, ...tasks), over50: tasks.length, totalMs, stepMs, chars: label.length };
}
