/**
 * UserData: the reader's own data, the last of RunsSourceController's
 * sources — text pasted into the element's form, or a file chosen or dropped
 * on it, read in the page and never sent anywhere — and the two things only
 * this source does in the page: it takes a file dropped anywhere on the host
 * while the author gave no data, and it selects, in the paste box, the line
 * of pasted text an error names (once per error). Apart from the controller
 * because these are the reader's side, with DOM events of their own; the
 * controller still reads the text and words its errors.
 */

import { selectLine } from './runs-input.js';

/** What the reader gave: the text, whether it was pasted or a file, and the file's name. */
export interface UserText { text: string; kind: 'paste' | 'file'; name: string }

export class UserData {
  /** What the reader pasted or chose last, or undefined. */
  value: UserText | undefined;
  /** The line of the pasted text to select, and whether it has been selected yet. */
  highlight: { line: number; done: boolean } | undefined;

  /** `accepts`: whether the host takes the reader's data now; `readFile`: reads a dropped file. */
  constructor(private readonly host: HTMLElement, private readonly accepts: () => boolean, private readonly readFile: (file: File) => void) {}

  /** The text the reader pasted last ('' when none, or when the data is a file). */
  get pasted(): string {
    return this.value?.kind === 'paste' ? this.value.text : '';
  }

  /** Starts taking files dropped anywhere on the host (not only on the form). */
  listen(): void {
    this.host.addEventListener('dragover', this.onDragOver);
    this.host.addEventListener('drop', this.onDrop);
  }

  /** Stops taking dropped files. */
  unlisten(): void {
    this.host.removeEventListener('dragover', this.onDragOver);
    this.host.removeEventListener('drop', this.onDrop);
  }

  /** Selects the line of the pasted text an error names (once per error), so the reader sees where to fix it. */
  showHighlight(): void {
    const h = this.highlight;
    if (!h || h.done) return;
    const area = (this.host.shadowRoot ?? this.host).querySelector<HTMLTextAreaElement>('textarea[part~="paste"]');
    if (!area || area.value !== this.pasted) return;
    h.done = true;
    selectLine(area, h.line);
  }

  private readonly onDragOver = (e: DragEvent): void => {
    if (this.accepts() && e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };

  private readonly onDrop = (e: DragEvent): void => {
    const file = e.dataTransfer?.files?.[0];
    if (!this.accepts() || !file) return;
    e.preventDefault();
    this.readFile(file);
  };
}
