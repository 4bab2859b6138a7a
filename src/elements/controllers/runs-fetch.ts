/**
 * SrcFetch: the `src` a page author gave, the second of RunsSourceController's
 * sources, fetched through fetchText (./fetch-text.ts). One fetch at a time:
 * starting another or cancelling aborts the one under way, and a fetch that
 * was superseded says nothing when it ends. The last text fetched is kept with
 * its URL, so the same `src` is not fetched twice (not even after the host
 * leaves the page and comes back). Apart from the controller because it is
 * its only network work, with an abort and a late answer to manage; the
 * controller keeps what the page sees (`loading`, the runs, the error).
 */

import { fetchText, type FetchProblem } from './fetch-text.js';

export class SrcFetch {
  /** The last text fetched, with its URL. */
  fetched: { url: string; text: string } | undefined;
  private fetching: { url: string; abort: AbortController } | undefined;

  /** `settled` hears of each fetch that ends without being superseded: its URL, and its problem when it failed. */
  constructor(private readonly settled: (url: string, problem: FetchProblem | undefined) => void) {}

  /** True while `url` is being fetched. */
  isFetching(url: string): boolean {
    return this.fetching?.url === url;
  }

  /** Aborts the fetch under way, if any. */
  cancel(): void {
    this.fetching?.abort.abort();
    this.fetching = undefined;
  }

  /** Starts fetching `url`; call `cancel` first. */
  start(url: string, timeoutMs: number): void {
    const abort = new AbortController();
    this.fetching = { url, abort };
    void this.load(url, abort, timeoutMs);
  }

  private async load(url: string, abort: AbortController, timeoutMs: number): Promise<void> {
    const outcome = await fetchText(url, abort, timeoutMs);
    if ('aborted' in outcome || this.fetching?.abort !== abort) return;
    this.fetching = undefined;
    if ('text' in outcome) this.fetched = { url, text: outcome.text };
    this.settled(url, 'text' in outcome ? undefined : outcome.problem);
  }
}
