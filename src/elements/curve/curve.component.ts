/**
 * <scaling-curve>: one or more scaling laws drawn against N, D or C, with
 * optional training runs on top. A thin shell: attributes → model.ts
 * (validated laws, holds, samples from the core) → draw.ts (detached SVG)
 * → this element (tooltip, keyboard, zoom, exports, accessible summary).
 *
 * @summary Loss curves of published or fitted scaling laws.
 *
 * @attr preset - Preset ids from src/core/presets.ts, comma-separated: "hoffmann2022,besiroglu2024".
 * @attr law - A law as JSON, or a JSON list of laws: {"form":"chinchilla","params":{…},"label":"My fit"}.
 * @attr x - The x variable: N (parameters, default), D (tokens) or C (FLOPs).
 * @attr tokens-per-param - Hold D = r·N (default 20 when x is N or D).
 * @attr fixed-d - Hold D fixed (e.g. "1.4T"); not with x="D".
 * @attr fixed-n - Hold N fixed (e.g. "70B"); not with x="N".
 * @attr unique-tokens - Unique tokens U for the data-constrained form (default U = D).
 * @attr x-range - The x range, low then high: "1e8 1e12" (or "100M, 1T"). Default from the runs, else per x. Written as <scaling-landscape>'s n-range and d-range.
 * @attr from - Deprecated: the low end of x-range, read (with to) until the next release when x-range is not given.
 * @attr to - Deprecated: the high end of x-range, read (with from) until the next release when x-range is not given.
 * @attr y-scale - "linear" (default) or "log" loss axis.
 * @attr multiplier - With two laws of N and D against C: the compute the first needs to reach the second's loss, as a multiple of C, read at the cursor and at each decade in a table.
 * @attr height - Chart height in pixels, clamped to 180…4000; default 0.62 × width, between 260 and 520.
 * @attr zoom - Wheel zooms x, drag pans, double-click resets; + and − keys too.
 * @attr y-label - The loss axis's title, for losses not in nats per token (default "Loss (nats per token)").
 * @attr theme - "auto" (default), "light" or "dark".
 * @attr lang - "en" or "zh"; default from the nearest lang attribute.
 * @attr filename - Download file name without extension (default "scaling-curve").
 *
 * @prop runs - Training runs drawn as points: `Runs` (from readRuns) or anything readRuns accepts.
 *   An inline `<script type="text/csv">` child does the same from HTML.
 *
 * @fires {CustomEvent<RenderDetail>} scaling-render - After each redraw; detail { width, height, series, points }.
 * @fires {CustomEvent<ErrorDetail>} scaling-error - When an error is shown; detail { message }.
 * @fires {CustomEvent<ErrorDetail>} scaling-notice - When a notice is shown above the chart; detail { message }.
 * @fires {CustomEvent<ExportDetail>} scaling-export - Before a download (cancelable); detail { format, filename, blob }.
 *
 * @csspart toolbar - The row above the chart.
 * @csspart export - The export <details> menu.
 * @csspart export-button - Its <summary>.
 * @csspart export-menu - The list of formats.
 * @csspart export-item - Each format button (data-format="svg|png|csv|json|python|latex").
 * @csspart reset-zoom - The reset button, shown while zoomed.
 * @csspart figure - Wraps the chart.
 * @csspart plot - The focusable chart area.
 * @csspart svg - The chart <svg>.
 * @csspart axis - Both axes (also axis-x, axis-y).
 * @csspart grid - Grid lines.
 * @csspart line - Each law's curve.
 * @csspart points - The runs.
 * @csspart legend - The legend.
 * @csspart cursor - The hover/keyboard cursor.
 * @csspart tooltip - The tooltip.
 * @csspart multiplier - The compute-multiplier table (with the multiplier attribute).
 * @csspart table - The visually hidden data tables.
 * @csspart error - The error box.
 *
 * @cssprop --scaling-font - Font family.
 * @cssprop --scaling-font-size - Base font size (14px).
 * @cssprop --scaling-fg - Text and axis labels.
 * @cssprop --scaling-bg - Background (also painted into exports).
 * @cssprop --scaling-muted - Axis lines and secondary text.
 * @cssprop --scaling-accent - Default mark colour.
 * @cssprop --scaling-grid - Grid lines and borders.
 * @cssprop --scaling-focus - Focus rings.
 * @cssprop --scaling-danger - Error box accent.
 * @cssprop --scaling-surface - Tooltip and menu background.
 * @cssprop --scaling-series-0 - Colour of the first law (… --scaling-series-7).
 * @cssprop --scaling-size-0 - Colour of the smallest models' runs (… --scaling-size-5, largest).
 */

import { DEV } from '../dev.js';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Runs } from '../../core/runs-types.js';
import type { RunsInput } from '../../core/runs.js';
import { dataTable } from '../../chart/a11y.js';
import { sampleAt } from '../../chart/sample.js';
import { formatValue, logTicks, quantityOf } from '../../chart/ticks.js';
import { toCsv, toJson } from '../../chart/export.js';
import { lawsToPython, pythonName } from '../../chart/law-python.js';
import { lawLatexBlock } from '../../chart/law-latex.js';
import { describeError } from '../../i18n/errors.js';
import { ScalingElement, type TextFormat } from '../base.js';
import { CURVE, type CurveKey } from '../../i18n/curve.js';
import { sharedStyles } from '../shared-styles.js';
import { chartWidth, heightAttr, rawAttribute } from '../attributes.js';
import { ResizeController } from '../controllers/resize.js';
import { PlotController } from '../controllers/plot.js';
import { Prepared } from '../controllers/prepared.js';
import { buildCurveModel, type CurveModel, type CurveSeries, type LawInput } from './model.js';
import { multiplierLine, multiplierPair, renderMultiplierTable } from './multiplier.js';
import { cursorReadout, describeCurve, runText } from './text.js';
import { drawCurve, type CurveDrawing } from './draw.js';
import { curveStyles } from './curve.styles.js';
import { QUANTITY_WORD } from '../quantity-words.js';

export class ScalingCurve extends ScalingElement<CurveKey> {
  static override styles = [...sharedStyles, curveStyles];

  // Declared without decorators (see ScalingElement); defaults are set in the constructor.
  static override properties: PropertyDeclarations = {
    preset: { converter: rawAttribute }, law: { converter: rawAttribute },
    x: {},
    tokensPerParam: { attribute: 'tokens-per-param', converter: rawAttribute },
    fixedD: { attribute: 'fixed-d', converter: rawAttribute },
    fixedN: { attribute: 'fixed-n', converter: rawAttribute },
    uniqueTokens: { attribute: 'unique-tokens', converter: rawAttribute },
    xRange: { attribute: 'x-range', converter: rawAttribute }, from: { converter: rawAttribute }, to: { converter: rawAttribute },
    yScale: { attribute: 'y-scale' },
    height: { converter: rawAttribute },
    zoom: { type: Boolean, reflect: true }, multiplier: { type: Boolean },
    runs: { attribute: false },
    csv: { state: true }, view: { state: true },
  };

  declare preset: string | undefined;
  declare law: LawInput | readonly LawInput[] | string | undefined;
  declare x: string;
  declare tokensPerParam: number | string | undefined;
  declare fixedD: number | string | undefined;
  declare fixedN: number | string | undefined;
  declare uniqueTokens: number | string | undefined;
  declare xRange: string | readonly number[] | undefined;
  declare from: number | string | undefined;
  declare to: number | string | undefined;
  declare yScale: string;
  declare height: number | string | undefined;
  declare zoom: boolean;
  declare multiplier: boolean;
  declare runs: Runs | RunsInput | undefined;

  private declare csv: string | undefined;
  private declare view: [number, number] | null;

  private readonly size = new ResizeController(this);
  private readonly plot = new PlotController(this, {
    drawing: () => this.drawing && { ...this.drawing, xType: 'log' },
    pointText: (i) => (this.model ? runText(this.model, i, this.i18n.t) : []),
    cursorAt: (v) => cursorReadout(this.model!, v, this.i18n.t, this.pair && multiplierLine(this.pair, v, this.i18n.t)),
    zoom: { enabled: () => this.zoom, setView: (domain) => { this.view = domain; } },
  });
  private model?: CurveModel;
  /** The two laws compared, with the multiplier attribute. */
  private pair?: [CurveSeries, CurveSeries];
  private drawing?: CurveDrawing;
  private readonly preparedModel = new Prepared<CurveModel>();
  private readonly preparedDrawing = new Prepared<CurveDrawing>();
  private emitted?: SVGSVGElement;
  private childObserver?: MutationObserver;

  constructor() {
    super(CURVE);
    this.x = 'N';
    this.yScale = 'linear';
    this.zoom = false;
    this.multiplier = false;
    this.view = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readCsv();
    this.childObserver = new MutationObserver(() => this.readCsv());
    this.childObserver.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver?.disconnect();
  }

  private readCsv(): void {
    this.csv = this.querySelector(':scope > script[type="text/csv"]')?.textContent ?? undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const t = this.i18n.t;
    if (changed.has('x') || changed.has('xRange') || changed.has('from') || changed.has('to')) this.view = null;
    if ((changed.has('from') || changed.has('to')) && (this.hasAttribute('from') || this.hasAttribute('to')) && !this.hasAttribute('x-range')) {
      if (DEV) this.warn('from-to-attributes', 'from and to are now one attribute, x-range="low high"; from and to are read until the next release');
    }
    try {
      this.model = this.preparedModel.take(this.modelKey(), () => this.buildModel());
      this.pair = this.multiplier ? multiplierPair(this.model, t) : undefined;
      const m = this.model;
      this.drawing = this.preparedDrawing.take(this.drawingKey(m), () => this.buildDrawing(m));
      this.error = null;
    } catch (error) {
      this.model = this.pair = undefined;
      this.drawing = undefined;
      this.error = describeError(error, this.i18n.lang);
    }
  }

  /** The first render in three tasks: the model, the drawing, then the update that shows it. */
  protected override firstRenderSteps(): readonly (() => void)[] {
    return [
      () => this.preparedModel.hold(this.modelKey(), this.buildModel()),
      () => {
        const m = this.preparedModel.peek(this.modelKey());
        if (m) this.preparedDrawing.hold(this.drawingKey(m), this.buildDrawing(m));
      },
    ];
  }

  private modelKey(): unknown[] {
    return [this.preset, this.law, this.x, this.fixedD, this.fixedN, this.tokensPerParam, this.uniqueTokens, this.xRange,
      this.from, this.to, this.yScale, this.runs, this.csv, this.view, this.i18n.lang];
  }

  private buildModel(): CurveModel {
    return buildCurveModel({
      preset: this.preset, law: this.law, x: this.x, fixedD: this.fixedD, fixedN: this.fixedN,
      tokensPerParam: this.tokensPerParam, uniqueTokens: this.uniqueTokens, xRange: this.xRange, from: this.from, to: this.to,
      yScale: this.yScale, runs: this.runs, csv: this.csv, view: this.view,
    }, this.i18n.t, this.i18n.lang);
  }

  private drawingKey(m: CurveModel): unknown[] {
    return [m, this.size.width || this.clientWidth, this.height, this.lossTitle(), this.i18n.lang];
  }

  private buildDrawing(m: CurveModel): CurveDrawing {
    const t = this.i18n.t;
    const width = chartWidth(this.size.width || this.clientWidth);
    const height = heightAttr(this.height) ?? Math.min(520, Math.max(260, width * 0.62));
    return drawCurve(m, { width, height, t, lossTitle: this.lossTitle(), ariaLabel: describeCurve(m, t), runLabel: (i) => runText(m, i, t).join(', ') });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const d = this.drawing;
    if (d && d.svg !== this.emitted) {
      this.emitted = d.svg;
      this.emit('scaling-render', { width: d.frame.width, height: d.frame.height, series: this.model!.series.length, points: d.runIndices.length });
    }
  }

  protected override exportText(format: TextFormat): string {
    const m = this.model;
    if (!m) throw new Error(this.error ?? 'nothing to export');
    const finite = (v: number) => (Number.isFinite(v) ? v : null);
    switch (format) {
      case 'csv':
        return toCsv(['series', 'label', 'N', 'D', 'C', 'loss'], m.series.flatMap((s) =>
          s.samples.map((p) => [s.key, s.label, finite(p.N), finite(p.D), finite(p.C), finite(p.y)])));
      case 'json':
        return toJson({ x: m.x, from: m.view[0], to: m.view[1], series: m.series.map((s) => ({ id: s.key, label: s.label, hold: s.hold, law: s.law })) });
      case 'python':
        return lawsToPython(m.series.map((s) => ({ law: s.law, name: pythonName(s.key), label: s.label })), 'Scaling laws exported by scaling-kit <scaling-curve>');
      case 'latex':
        return m.series.map((s) => lawLatexBlock(s.law, s.label)).join('\n');
    }
  }

  private renderTables(): unknown {
    const m = this.model;
    if (!m) return nothing;
    const t = this.i18n.t, q = quantityOf(m.x);
    const rows = logTicks(m.view, 10).major.map((v) => [formatValue(q, v), ...m.series.map((s) => {
      try { return formatValue('decimal', sampleAt(s.law, m.x, v, s.hold, { U: m.U }).y); } catch { return '—'; }
    })]);
    const r = m.runs;
    const runRows = r ? Array.from(r.N, (_, i) => [formatValue('count', r.N[i]), formatValue('count', r.D[i]), formatValue('decimal', r.loss[i])]) : [];
    return html`${dataTable(t('tableCaption', { x: t(QUANTITY_WORD[m.x]) }), [t(QUANTITY_WORD[m.x]), ...m.series.map((s) => s.label)], rows)}
      ${r ? dataTable(t('tableRunsCaption', { n: r.N.length }), [r.columns.N, r.columns.D ?? 'D', r.columns.loss], runRows) : nothing}`;
  }

  protected override render(): unknown {
    const t = this.i18n.t;
    return html`
      <div class="toolbar" part="toolbar">
        ${this.view ? html`<button type="button" part="reset-zoom" @click=${() => { this.view = null; }}>${t('resetZoom')}</button>` : nothing}
        ${this.error ? nothing : this.renderExportMenu()}
      </div>
      ${this.renderError(this.notice)}
      ${this.renderError()}
      <figure class="figure" part="figure" ?hidden=${!!this.error}>${this.plot.render(this.drawing?.svg ?? nothing, t('plotHint'))}</figure>
      ${this.pair && this.model && !this.error ? renderMultiplierTable(this.pair, this.model.view, t) : nothing}
      ${this.renderTables()}`;
  }
}
