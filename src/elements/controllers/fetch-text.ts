/**
 * Fetching the text of a `src` the page author gave: with a timeout, aborted
 * by the caller, refusing a response that is not data (an HTML error page, an
 * image). The outcome is the text, a problem in message-key form for the
 * element to word, or `aborted` when the caller cancelled it (nothing to say).
 */

import type { CommonKey } from '../../i18n/index.js';
import { isolate } from '../../chart/isolate.js';

export type FetchProblem = { key: CommonKey; vars: Record<string, string | number> };
export type FetchOutcome = { text: string } | { problem: FetchProblem } | { aborted: true };

export async function fetchText(url: string, abort: AbortController, timeoutMs: number): Promise<FetchOutcome> {
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; abort.abort(); }, timeoutMs);
  try {
    const response = await fetch(url, { signal: abort.signal, credentials: 'same-origin' });
    if (!response.ok) {
      return { problem: { key: 'fitErrFetchStatus', vars: { url: isolate(url), status: isolate(`${response.status} ${response.statusText}`.trim()) } } };
    }
    const body = await response.text();
    const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (/html|xml|image|audio|video|font|javascript/.test(type) || /^\s*</.test(body)) {
      return { problem: { key: 'fitErrFetchType', vars: { url: isolate(url), type: isolate(type || '?') } } };
    }
    return { text: body };
  } catch (error) {
    if (abort.signal.aborted && !timedOut) return { aborted: true };
    return {
      problem: timedOut
        ? { key: 'fitErrFetchTimeout', vars: { url: isolate(url), seconds: Math.round(timeoutMs / 1000) } }
        : { key: 'fitErrFetchNetwork', vars: { url: isolate(url), detail: isolate((error as Error).message) } },
    };
  } finally {
    clearTimeout(timer);
  }
}
