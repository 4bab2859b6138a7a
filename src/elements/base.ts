/**
 * ScalingElement: the small base every <scaling-*> element extends (Shoelace
 * habit). It gives
 *   - `emit(type, detail)`: a bubbling, composed, typed CustomEvent;
 *   - `static define(tag)`: registers the class once (idempotent);
 *   - `theme` ('auto' | 'light' | 'dark'; auto follows prefers-color-scheme);
 *   - language: `this.i18n.lang` and `this.i18n.t(key)` from the `lang`
 *     attribute, an ancestor's or the document's (refreshed in willUpdate);
 *   - `error` (replaces the chart) and `notice` (above it), shown by
 *     `renderError()` in plain words with role="alert";
 *   - exports: `exportBlob(format)` / `export(format)` over the chart SVG and
 *     the subclass's `exportText(format)`, and `renderExportMenu()`;
 *   - `warn(code, message)`: one deduplicated console warning per code;
 *   - a first render in a task of its own per element, so a page of charts loads without long tasks.
 * Importing this module registers nothing.
 */

import { DEV } from './dev.js';
import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { sharedStyles } from './shared-styles.js';
import { LangController } from './controllers/lang.js';
import { download, serializeSvg, svgToPng } from '../chart/export.js';
import { nextTask } from '../next-task.js';
import { COMMON, type CommonKey } from '../i18n/common.js';
import { joinTables, type Tables } from '../i18n/tables.js';
import { describeError } from '../i18n/errors.js';

export type Theme = 'auto' | 'light' | 'dark';
export type ExportFormat = 'svg' | 'png' | 'csv' | 'json' | 'python' | 'latex';
export type TextFormat = Exclude<ExportFormat, 'svg' | 'png'>;

/** `scaling-render`: the chart was drawn (after every redraw). */
export interface RenderDetail { width: number; height: number; series: number; points: number }
/** `scaling-error`: the element now shows an error (message in the element's language); `scaling-notice` the same for a notice above the chart. */
export interface ErrorDetail { message: string }
/** `scaling-export`: about to download; cancel it (preventDefault) to handle `blob` yourself. */
export interface ExportDetail { format: ExportFormat; filename: string; blob: Blob }

/** Every event the elements emit, by type. */
export interface ScalingEventMap {
  'scaling-render': RenderDetail;
  'scaling-error': ErrorDetail;
  'scaling-notice': ErrorDetail;
  'scaling-export': ExportDetail;
}

declare global {
  interface HTMLElementEventMap {
    'scaling-render': CustomEvent<RenderDetail>;
    'scaling-error': CustomEvent<ErrorDetail>;
    'scaling-notice': CustomEvent<ErrorDetail>;
    'scaling-export': CustomEvent<ExportDetail>;
  }
}

export const EXPORT_FILES: { readonly [F in ExportFormat]: { ext: string; type: string; label: CommonKey } } = {
  svg: { ext: 'svg', type: 'image/svg+xml;charset=utf-8', label: 'exportSvg' },
  png: { ext: 'png', type: 'image/png', label: 'exportPng' },
  csv: { ext: 'csv', type: 'text/csv;charset=utf-8', label: 'exportCsv' },
  json: { ext: 'json', type: 'application/json;charset=utf-8', label: 'exportJson' },
  python: { ext: 'py', type: 'text/x-python;charset=utf-8', label: 'exportPython' },
  latex: { ext: 'tex', type: 'application/x-tex;charset=utf-8', label: 'exportLatex' },
};

const warned = new Set<string>();

const withCommonCache = new WeakMap<object, Tables<string>>();
/** The shared messages joined with an element's own, once per element class. */
function withCommon<K extends string>(own: Tables<K>): Tables<K | CommonKey> {
  let joined = withCommonCache.get(own);
  if (!joined) withCommonCache.set(own, (joined = joinTables(COMMON, own)));
  return joined as Tables<K | CommonKey>;
}

let lastTurn: Promise<void> = Promise.resolve();
/**
 * Each element's first render gets a task of its own, in connection order.
 * Lit renders every element that connects in one task within that same task,
 * so an article with many charts loaded as a few long tasks of 50-100 ms
 * (bench (g)); one render per task lets the page take input in between.
 */
const firstRenderTurn = (): Promise<void> => (lastTurn = lastTurn.then(nextTask));

/** Plain words from anything thrown. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** `K`: the element's own message keys; the shared ones (i18n/common.ts) come with every element. */
export class ScalingElement<K extends string = never> extends LitElement {
  static override styles = sharedStyles;

  /** Registers `tag` for this class unless it is already defined; returns the class. */
  static define(tag: string): typeof ScalingElement {
    if (!customElements.get(tag)) customElements.define(tag, this);
    return this;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  // Reactive properties without decorators: lowered TC39 decorators cost the bundle a
  // lot per property. Fields are `declare`d (a class field would shadow Lit's accessor)
  // and defaults are set in the constructor. Subclasses list only their own properties.
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    filename: {},
    yLabel: { attribute: 'y-label' },
    error: { state: true },
    notice: { state: true },
  };

  /** 'auto' (default) follows prefers-color-scheme; 'light' or 'dark' force one. */
  declare theme: Theme;

  /** File name (without extension) for downloads; default the tag name. */
  declare filename: string | undefined;

  /** The loss axis's title instead of "Loss (nats per token)", for losses in other units (bits, log-perplexity). */
  declare yLabel: string | undefined;

  /** The message shown instead of the chart, or null. */
  protected declare error: string | null;

  /** A problem that leaves the chart standing (a failed export), shown above it; or null. */
  protected declare notice: string | null;

  protected readonly i18n: LangController<K | CommonKey>;

  /** Formats the toolbar offers. */
  protected exportFormats: readonly ExportFormat[] = ['svg', 'png', 'csv', 'json', 'python', 'latex'];

  /** `messages`: the element's own tables (src/i18n/<element>.ts); the shared ones are added here. */
  constructor(messages: Tables<K>) {
    super();
    this.i18n = new LangController(this, withCommon(messages));
    this.theme = 'auto';
    this.error = null;
    this.notice = null;
  }

  /** The loss axis title: the author's `y-label`, else the words for a loss in nats per token. */
  protected lossTitle(): string {
    return this.yLabel?.trim() || this.i18n.t('axisLoss');
  }

  /**
   * The work of the first render that can run ahead of it (reading the inputs into a model, drawing the
   * chart), as steps: each runs in a task of its own before the first update, so that no one task of a
   * page's start is long (bench (l)). A step keeps what it made in a `Prepared` (controllers/prepared.ts)
   * for the update to take; a step that throws leaves nothing, and the update meets the error itself.
   */
  protected firstRenderSteps(): readonly (() => void)[] {
    return [];
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return super.scheduleUpdate();
    return firstRenderTurn().then(async () => {
      for (const step of this.firstRenderSteps()) {
        try { step(); } catch { /* the update words it */ }
        await nextTask();
      }
      return super.scheduleUpdate();
    });
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  /**
   * Dispatches a result event under its name, then under the name it had
   * before every event was `scaling-*` (`fit`, `bootstrap`, `isoflop`): kept
   * for one release so existing listeners go on working; see the manifest.
   */
  protected announce(type: string, deprecatedAlias: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    this.dispatchEvent(new CustomEvent(deprecatedAlias, { detail, bubbles: true, composed: true }));
  }

  /** Dispatches a bubbling, composed CustomEvent; returns false if a listener cancelled it. */
  emit<K extends keyof ScalingEventMap>(type: K, detail: ScalingEventMap[K], options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }

  /** Subclasses call `super.willUpdate(changed)` first: it refreshes the language. */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.i18n.refresh();
    if (changed.has('theme') && !['auto', 'light', 'dark'].includes(this.theme)) {
      if (DEV) this.warn('theme', `theme="${this.theme}" is not auto, light or dark; following the system setting`);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('error') && this.error) this.emit('scaling-error', { message: this.error });
    if (changed.has('notice') && this.notice) this.emit('scaling-notice', { message: this.notice });
  }

  /** The error box: `role="alert"`, `part="error"`, text only. */
  protected renderError(message: string | null = this.error): TemplateResult | typeof nothing {
    if (!message) return nothing;
    return html`<div class="error" role="alert" part="error"><strong>${this.i18n.t('errorTitle')}</strong><span>${message}</span></div>`;
  }

  /** One console warning per code per page, for the page's author; call as `if (DEV) this.warn(…)` (./dev.ts). */
  protected warn(code: string, message: string): void {
    if (!DEV || warned.has(code)) return;
    warned.add(code);
    console.warn(`scaling-kit [${code}]: ${message}`);
  }

  /** The drawn chart, if any. */
  chartSvg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg.chart');
  }

  /** Text exports (CSV, JSON, Python, LaTeX); subclasses override for the formats they list. */
  protected exportText(format: TextFormat): string {
    throw new Error(`${this.localName} does not export ${format}`);
  }

  /** The export as a Blob: the chart as SVG or PNG (2× pixels), or the subclass's text. */
  async exportBlob(format: ExportFormat): Promise<Blob> {
    const { type } = EXPORT_FILES[format];
    if (format === 'svg' || format === 'png') {
      const svg = this.chartSvg();
      if (!svg) throw new Error(this.error ?? 'nothing is drawn yet');
      const text = serializeSvg(svg);
      if (format === 'svg') return new Blob([text], { type });
      const box = svg.viewBox.baseVal;
      return svgToPng(text, box.width, box.height, 2);
    }
    return new Blob([this.exportText(format)], { type });
  }

  /** Emits a cancelable `scaling-export`, then downloads unless a listener cancelled it. */
  async export(format: ExportFormat): Promise<void> {
    try {
      const blob = await this.exportBlob(format);
      const filename = `${this.filename || this.localName}.${EXPORT_FILES[format].ext}`;
      if (this.emit('scaling-export', { format, filename, blob }, { cancelable: true })) download(blob, filename);
      this.notice = null;
    } catch (error) {
      this.notice = this.i18n.t('errExport', { detail: describeError(error, this.i18n.lang) });
    }
  }

  /** Menu labels an element words itself (what its CSV or JSON holds); the other formats keep the shared ones. */
  protected exportLabels: Partial<Record<ExportFormat, K | CommonKey>> = {};

  private exportLabel(format: ExportFormat): string {
    return this.i18n.t(this.exportLabels[format] ?? EXPORT_FILES[format].label);
  }

  /** A <details> menu of export buttons (parts: export, export-button, export-menu, export-item). */
  protected renderExportMenu(): TemplateResult {
    const t = this.i18n.t;
    const pick = (format: ExportFormat) => (e: Event) => {
      (e.currentTarget as HTMLElement).closest('details')?.removeAttribute('open');
      void this.export(format);
    };
    return html`<details class="menu" part="export">
      <summary part="export-button">${t('exportMenu')}</summary>
      <div class="menu-items" part="export-menu">
        ${this.exportFormats.map((f) => html`<button type="button" part="export-item" data-format=${f} @click=${pick(f)}>${this.exportLabel(f)}</button>`)}
      </div>
    </details>`;
  }
}
