/**
 * InlineChildren: runs an author writes inside the element, the third and
 * fourth of RunsSourceController's sources — a child `<script type="text/csv">`
 * (or `text/tab-separated-values`, `application/json`), else a plain `<table>`
 * read as CSV — re-read by a MutationObserver whenever the page replaces or
 * edits them. Apart from the controller because watching the host's light DOM
 * has a lifecycle of its own, from connection to disconnection.
 */

import { tableToCsv } from './runs-input.js';

const INLINE_TYPES = ['text/csv', 'text/tab-separated-values', 'application/json'];
const INLINE = INLINE_TYPES.map((type) => `:scope > script[type="${type}"]`).join(', ');

/** The text of an inline child, and which kind of child held it. */
export interface InlineText { text: string; kind: 'inline' | 'table' }

export class InlineChildren {
  /** The inline child's text, or undefined when there is none. */
  value: InlineText | undefined;
  private observer?: MutationObserver;

  constructor(private readonly host: HTMLElement) {}

  /** Reads the children now and again after each change to them; `changed` is called when their data changed. */
  watch(changed: () => void): void {
    this.read();
    this.observer = new MutationObserver(() => {
      if (this.read()) changed();
    });
    this.observer.observe(this.host, { childList: true, subtree: true, characterData: true });
  }

  /** Stops watching; the text read last is kept. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Re-reads the inline `<script>` or `<table>` child; true when it changed. */
  private read(): boolean {
    const script = this.host.querySelector<HTMLScriptElement>(INLINE);
    const table = script ? null : this.host.querySelector<HTMLTableElement>(':scope > table');
    const next = script ? { text: script.textContent ?? '', kind: 'inline' as const }
      : table ? { text: tableToCsv(table), kind: 'table' as const } : undefined;
    if (next?.text === this.value?.text && next?.kind === this.value?.kind) return false;
    this.value = next;
    return true;
  }
}
