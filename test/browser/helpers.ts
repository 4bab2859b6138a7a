// What the browser tests share (mount, until and frame were written
// 22 times across 15 files): putting an element on the page in a box of a given
// width and waiting until it has drawn, waiting for a condition, frames and
// sleeps, and reading an element's shadow tree. Not a test file itself
// (web-test-runner runs test/browser/**/*.test.ts only).
//
// The box: `place` and `mount` put markup (or an element) in a fresh <div> of
// `width` px (640 unless told) and make it the current `wrap`; `unmount()`,
// from each file's afterEach, removes every box put on the page since the last
// call. Where the copies differed, these keep the most thorough form: `mount`
// waits for the element's update, two frames, a task (hidden tables follow
// the chart a task later, controllers/lagging.ts) and its update again, after
// the `fit` event or the `ready` condition when asked for; `until` fails with
// what it waited for and how long.
import { nextTask } from '../../src/next-task.js';

/** An element that may render asynchronously (a Lit element once upgraded). */
type Updating = Element & { updateComplete?: Promise<unknown> };

/** Resolves at the next animation frame. */
export const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until `test` holds (checked every 20 ms), failing with "`what` not met within `ms` ms". */
export async function until(test: () => boolean, ms = 4000, what = 'condition'): Promise<void> {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error(`${what} not met within ${ms} ms`);
    await sleep(20);
  }
}

/** Waits until `el` has rendered and drawn: its update, two frames, a task, its update again. */
export async function settle(el: Element): Promise<void> {
  await (el as Updating).updateComplete;
  await frame();
  await frame();
  await nextTask();
  await (el as Updating).updateComplete;
}

/** The box the last `place` or `mount` made (a live binding: read it, `place` replaces it). */
export let wrap: HTMLDivElement;
const boxes = new Set<HTMLDivElement>();

export interface PlaceOptions {
  /** The box's width, px (640). */
  width?: number;
  /** Whether to put the box on the page now (true); false leaves that to the caller, after adding listeners. */
  connect?: boolean;
}

/** Puts `markup` in a new box, the current `wrap`, on the page; returns the box's first element, not waiting for anything. */
export function place<T extends Element = HTMLElement>(markup: string, o: PlaceOptions = {}): T {
  wrap = document.createElement('div');
  wrap.style.width = `${o.width ?? 640}px`;
  wrap.innerHTML = markup;
  boxes.add(wrap);
  if (o.connect !== false) document.body.append(wrap);
  return wrap.firstElementChild as T;
}

/** Removes every box `place` and `mount` put on the page since the last call. */
export function unmount(): void {
  for (const box of boxes) box.remove();
  boxes.clear();
}

export interface MountOptions<T extends Element> {
  /** The width of a new box, px (640). */
  width?: number;
  /** Append the element to the current `wrap` instead of a new box. */
  inWrap?: boolean;
  /** Which element of the markup to return (the first). */
  selector?: string;
  /** Attributes to set on an element made from a tag name (set one by one, so any text is safe). */
  attrs?: Record<string, string>;
  /** Called with the element before it is connected: properties, listeners. */
  setup?: (el: T) => void;
  /** Called once it is connected, before waiting: observers on its shadow root. */
  connected?: (el: T) => void;
  /** Wait for the element's `fit` event, failing after so many ms; false or absent: do not wait for it. */
  fit?: number | false;
  /** Then, until this holds: its update, a frame and 20 ms at a time, for at most `readyMs` (15,000). */
  ready?: (el: T) => boolean;
  readyMs?: number;
}

/**
 * Puts an element on the page and waits until it has drawn (see `settle`).
 * `what` is markup ("<scaling-curve preset=…></scaling-curve>"), a tag name
 * ("scaling-fit", made with `attrs`), or an element.
 */
export async function mount<T extends Element = HTMLElement>(what: string | T, o: MountOptions<T> = {}): Promise<T> {
  let el: T;
  if (typeof what === 'string' && what.includes('<')) {
    const first = place<T>(what, { width: o.width, connect: false });
    el = o.selector ? wrap.querySelector(o.selector) as T : first;
  } else {
    el = typeof what === 'string' ? document.createElement(what) as unknown as T : what;
    for (const [k, v] of Object.entries(o.attrs ?? {})) el.setAttribute(k, v);
    if (!o.inWrap) place('', { width: o.width, connect: false });
  }
  o.setup?.(el);
  const limit = o.fit;
  const fitted = limit ? new Promise<void>((resolve) => el.addEventListener('scaling-fit-done', () => resolve(), { once: true })) : undefined;
  if (!el.parentNode) wrap.append(el);
  if (!wrap.isConnected) document.body.append(wrap);
  o.connected?.(el);
  if (fitted && limit) {
    let timer = 0;
    const late = new Promise<never>((_, reject) => { timer = window.setTimeout(() => reject(new Error(`no fit event within ${limit / 1000} s`)), limit); });
    try {
      await Promise.race([fitted, late]);
    } finally {
      clearTimeout(timer);
    }
  }
  if (o.ready) {
    const end = performance.now() + (o.readyMs ?? 15000);
    while (!o.ready(el) && performance.now() < end) {
      await (el as Updating).updateComplete;
      await frame();
      await sleep(20);
    }
  }
  await settle(el);
  return el;
}

/** `mount` with this file's defaults: `const mount = mountWith<ScalingFit>({ width: 720, fit: 8000 })`. */
export const mountWith = <T extends Element>(defaults: MountOptions<T>) =>
  (what: string | T, o: MountOptions<T> = {}): Promise<T> => mount<T>(what, { ...defaults, ...o });

/** An element's shadow root. */
export const root = (el: Element): ShadowRoot => el.shadowRoot!;

/** An element's chart. */
export const svg = (el: Element): SVGSVGElement => root(el).querySelector('svg.chart') as SVGSVGElement;

/** Text without the isolates (U+2068 … U+2069) that keep user text's direction to itself (src/chart/isolate.ts; bidi.test.ts checks them). */
export const plain = (s: string | null | undefined): string => (s ?? '').replace(/[\u2068\u2069]/g, '');
