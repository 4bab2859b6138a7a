/**
 * RunsSourceController: turns an element's data sources into validated
 * `Runs` (through the core's `readRuns`), as a ReactiveController. Use it in
 * any element that draws training runs. Sources, first present wins:
 *   1. the `.runs` property (a `Runs`, or anything `readRuns` accepts);
 *   2. the `src` attribute: fetched only because the page author asked for it,
 *      with a timeout, aborted when `src` changes or the element leaves the page;
 *   3. an inline child `<script type="text/csv">` (or `text/tab-separated-values`,
 *      `application/json`);
 *   4. a plain `<table>` child (header cells and body cells read as text; it is
 *      also what a reader without JavaScript sees);
 *   5. the user's own data: pasted text or a chosen/dropped file, read in the
 *      page (`file.text()`), never sent anywhere (`setUserText`, `setUserFile`).
 * It exposes `runs`, `error` (plain words, in the host's language), `loading`,
 * `sourceLabel`, and for column pickers `headers` and `match` (the recognised
 * columns and their alternatives). Children are watched with a
 * MutationObserver, so replacing inline data re-reads it. The host calls
 * `sync()` in `willUpdate` to get the current runs synchronously; a fetch or a
 * file read finishes later and asks the host to update. This file decides
 * which source wins and reads it into runs; how each source's text is got
 * lives beside it: the fetch of `src` in runs-fetch.ts, the watched inline
 * children in runs-inline.ts, the reader's pasted or dropped data in
 * runs-user.ts.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readRuns, type RunsInput } from '../../core/runs.js';
import { dropFromRuns, headersOf, inlineMarkup, isRuns } from './runs-input.js';
import { clip } from '../../core/limits.js';
import type { FetchProblem } from './fetch-text.js';
import { SrcFetch } from './runs-fetch.js';
import { InlineChildren } from './runs-inline.js';
import { UserData } from './runs-user.js';
import { parseColumnSpec, type ColumnSpec } from '../../core/column-spec.js';
import type { Runs } from '../../core/runs-types.js';
import { matchColumns, type ColumnMapping, type ColumnMatch } from '../../core/columns.js';
import type { CommonKey, CommonTranslate, Lang } from '../../i18n/index.js';
import { describeError } from '../../i18n/errors.js';
import { isolate } from '../../chart/isolate.js';

export interface RunsSourceOptions {
  /** The host's `.runs` property. */
  runs(): Runs | RunsInput | null | undefined;
  /** The host's `src` attribute (a URL the page author gave). */
  src(): string | null | undefined;
  /** Explicit columns per quantity: a mapping, or the text of a `columns` attribute (src/core/column-spec.ts). */
  columns?(): ColumnMapping | string | undefined;
  /** Epoch's outlier rule: drop the runs at or above the k-th largest loss. */
  dropHighest?(): number | undefined;
  /** The host's translator, for messages and source labels. */
  t(): CommonTranslate;
  /** The host's language, for the core's errors in its words (English when not given). */
  lang?(): Lang;
  /** Fetch timeout in milliseconds; default 15 000. */
  timeout?: number;
}

/** Where the current runs came from. */
export type SourceKind = 'property' | 'src' | 'inline' | 'table' | 'paste' | 'file';

type Host = ReactiveControllerHost & HTMLElement;
/** `error`: a thrown error worded at display time in the host's language, as the `detail` var. */
type Message = { key: CommonKey; vars?: Record<string, string | number>; error?: unknown };

export class RunsSourceController implements ReactiveController {
  /** The validated runs, or undefined (no data yet, loading, or an error). */
  runs: Runs | undefined;
  /** True while a fetch or a file read is under way. */
  loading = false;
  /** Which source is in use, or undefined when there is none. */
  kind: SourceKind | undefined;
  /** Header names of the current tabular input (empty for `Runs` objects). */
  headers: readonly string[] = [];
  /** Recognised columns and alternatives of the current input, when it has a header. */
  match: ColumnMatch | undefined;

  private problem: Message | undefined;
  /** The user's text or file that could not be read while earlier runs stay shown (see `userError`). */
  private userProblem: Message | undefined;
  private label = '';
  private readonly inline: InlineChildren;
  private readonly user: UserData;
  private readonly fetcher = new SrcFetch((url, problem) => this.fetchSettled(url, problem));
  private key: unknown[] = [];
  /** Fetches start only while the host is in the page. */
  private connected = false;

  constructor(private readonly host: Host, private readonly options: RunsSourceOptions) {
    this.inline = new InlineChildren(host);
    this.user = new UserData(host, () => this.authorless, (file) => void this.setUserFile(file));
    host.addController(this);
  }

  /** The error in plain words (host language), or null. */
  get error(): string | null {
    const p = this.problem;
    if (!p) return null;
    const vars = 'error' in p ? { ...p.vars, detail: isolate(describeError(p.error, this.options.lang?.() ?? 'en')) } : p.vars;
    return this.options.t()(p.key, vars);
  }

  /**
   * The user's pasted text or file could not be read, and the runs read before
   * it are still shown: the error in plain words, or null. The host shows the
   * earlier chart marked as not reflecting the new text until a new text reads.
   */
  get userError(): string | null {
    const p = this.userProblem;
    return p ? this.options.t()(p.key, { detail: isolate(describeError(p.error, this.options.lang?.() ?? 'en')) }) : null;
  }

  /** The text the user pasted last (kept after an error and after a fit, so it can be fixed). */
  get userText(): string {
    return this.user.pasted;
  }

  /** What the data is, for people: a URL, a file name, "inline CSV", … ('' when none). */
  get sourceLabel(): string {
    const t = this.options.t();
    switch (this.kind) {
      case 'property': return t('fitSourceProperty');
      case 'inline': return t('fitSourceInline');
      case 'table': return t('fitSourceTable');
      case 'paste': return t('fitSourcePaste');
      default: return this.label;
    }
  }

  /** `sourceLabel` for a sentence: a URL or file name (anyone's text) isolated, so its bidi controls stay its own. */
  get sourceText(): string {
    return this.kind === 'src' || this.kind === 'file' ? isolate(this.label) : this.sourceLabel;
  }

  /** True when the author gave no data at all (the user may paste or choose a file). */
  get authorless(): boolean {
    const runs = this.options.runs();
    return (runs === undefined || runs === null) && !this.options.src() && !this.inline.value;
  }

  hostConnected(): void {
    this.connected = true;
    // A file dropped anywhere on an element that offers the paste form is read, not only on the form.
    this.user.listen();
    // A fetch abandoned by a removal is started again by the next update.
    if (this.key.length === 0) this.host.requestUpdate();
    this.inline.watch(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.user.unlisten();
    this.inline.stop();
    // An unfinished fetch is abandoned (and redone on reconnection); a finished one is kept.
    this.cancelFetch();
    this.key = [];
  }

  hostUpdate(): void {
    this.sync();
  }

  /** Selects the line of the pasted text an error names (once per error), so the reader sees where to fix it. */
  hostUpdated(): void {
    this.user.showHighlight();
  }

  /** The user's pasted text (empty text clears it). */
  setUserText(text: string): void {
    this.user.value = text.trim() ? { text, kind: 'paste', name: '' } : undefined;
    this.host.requestUpdate();
  }

  /** A file the user chose or dropped, read in the page. */
  async setUserFile(file: Blob & { name?: string }): Promise<void> {
    this.loading = true;
    this.host.requestUpdate();
    try {
      this.user.value = { text: await file.text(), kind: 'file', name: file.name ?? '' };
    } catch (error) {
      this.user.value = undefined;
      this.problem = { key: 'fitErrFile', vars: { name: isolate(file.name ?? ''), detail: isolate((error as Error).message) } };
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** Reads the current sources; re-parses only when one of them (or an option) changed. */
  sync(): void {
    const runs = this.options.runs(), src = this.options.src()?.trim() || undefined;
    const columns = this.options.columns?.(), dropHighest = this.options.dropHighest?.();
    const fetched = this.fetcher.fetched, inline = this.inline.value, user = this.user.value;
    const key = [runs, src, fetched?.text, inline?.text, user?.text, typeof columns === 'string' ? columns : JSON.stringify(columns ?? {}), dropHighest];
    if (key.length === this.key.length && key.every((k, i) => Object.is(k, this.key[i]))) return;
    this.key = key;
    this.userProblem = undefined;
    const hasRuns = runs !== undefined && runs !== null;
    if (hasRuns || !src) this.cancelFetch();
    if (hasRuns) return this.read(runs, 'property', '', columns, dropHighest);
    if (src) {
      if (fetched?.url === src) return this.read(fetched.text, 'src', src, columns, dropHighest);
      if (this.fetcher.isFetching(src)) return;
      if (!this.connected) {
        // Removed from the page: fetch nothing now; the next update after reconnection will.
        this.key = [];
        return;
      }
      return this.startFetch(src);
    }
    if (inline) return this.read(inline.text, inline.kind, '', columns, dropHighest);
    if (user) return this.read(user.text, user.kind, user.name, columns, dropHighest);
    this.set(undefined, undefined, undefined, '');
  }

  private set(runs: Runs | undefined, problem: Message | undefined, kind: SourceKind | undefined, label: string): void {
    this.runs = runs;
    this.problem = problem;
    this.kind = kind;
    this.label = label;
  }

  private read(input: Runs | RunsInput, kind: SourceKind, label: string, named: ColumnMapping | string | undefined, dropHighest: number | undefined): void {
    const markup = kind === 'inline' && typeof input === 'string' ? inlineMarkup(input) : undefined;
    if (markup) {
      this.match = undefined;
      return this.set(undefined, { key: 'fitErrInlineMarkup', vars: { tag: isolate(clip(markup, 40)) } }, kind, label);
    }
    this.headers = isRuns(input) ? [] : headersOf(input);
    let spec: ColumnSpec;
    try {
      spec = typeof named === 'string' ? parseColumnSpec(named) : { columns: named };
    } catch (error) {
      this.match = undefined;
      return this.set(undefined, { key: 'errData', error }, kind, label);
    }
    const columns = spec.columns;
    try {
      this.match = this.headers.length ? matchColumns(this.headers, columns) : undefined;
    } catch {
      this.match = this.headers.length ? matchColumns(this.headers) : undefined;
    }
    try {
      const runs = isRuns(input) ? dropFromRuns(input, dropHighest ?? 0) : readRuns(input, { columns, weights: spec.weights, unique: spec.unique, metric: spec.metric, dropHighest });
      this.userProblem = this.user.highlight = undefined;
      this.set(runs, undefined, kind, label);
    } catch (error) {
      const user = kind === 'paste' || kind === 'file';
      const line = kind === 'paste' ? (error as { line?: unknown }).line : undefined;
      this.user.highlight = typeof line === 'number' ? { line, done: false } : undefined;
      // The reader's own text did not read: the runs read before it stay shown, marked stale, until one does.
      if (user && this.runs && (this.kind === 'paste' || this.kind === 'file')) {
        this.userProblem = { key: 'errData', error };
        return;
      }
      this.userProblem = undefined;
      this.set(undefined, { key: 'errData', error }, kind, label);
    }
  }

  private cancelFetch(): void {
    this.fetcher.cancel();
    this.loading = false;
  }

  private startFetch(url: string): void {
    this.cancelFetch();
    this.loading = true;
    this.set(undefined, undefined, 'src', url);
    this.fetcher.start(url, this.options.timeout ?? 15000);
  }

  /** A fetch ended: its text is read by the update it asks for, or its problem shown. */
  private fetchSettled(url: string, problem: FetchProblem | undefined): void {
    this.loading = false;
    if (problem) this.set(undefined, problem, 'src', url);
    else this.key = [];
    this.host.requestUpdate();
  }
}
