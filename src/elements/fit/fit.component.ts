/**
 * <scaling-fit>: fits a scaling law to training runs in the page and shows
 * it. A thin shell: data sources → RunsSourceController (validated Runs) →
 * FitJobs (the core's fit and bootstrap) → model.ts (predictions, frontier)
 * → draw.ts (detached SVG) → this element (controls, tooltips, keyboard,
 * tables, exports, accessible summary). With no data it offers paste and
 * file controls; it never fetches anything but the `src` the author gave.
 *
 * @summary Fit a scaling law to training runs and show the fit, its residuals and its intervals.
 *
 * @attr src - URL of a CSV or JSON file of runs, fetched once (15 s timeout). Inline data can instead be a child `<script type="text/csv">` (or `application/json`) or a plain `<table>`.
 * @attr form - The law: chinchilla (default), kaplan, power, saturating, data-constrained, overtrained or broken. One-variable forms are fitted against x.
 * @attr loss - Fitting loss: huber (default), squared, squared-raw, asymmetric or squared-log1p.
 * @attr strategy - fast (default; ~12 ms, certifies its optimum or says not) or exact (every start of Hoffmann's grid, and two more; shows progress).
 * @attr columns - Which column holds each quantity, "N=params,D=tokens,loss=c4 loss" (also weight= and U=), or a JSON object; without it columns are recognised by name and a choice among several is reported.
 * @attr drop-highest - Drop the runs at or above the k-th largest loss (Epoch's outlier rule).
 * @attr x - Horizontal axis: C (compute, default), N (parameters) or D (tokens).
 * @attr bootstrap - Resamples for "Bootstrap intervals" (default 4000, as Epoch AI; Chinchilla form, refitted with the fit's own loss).
 * @attr budget - Compute budget in FLOPs ("5.76e23") at which to show N*, D* and tokens per parameter.
 * @attr height - Chart height in pixels, clamped to 180…4000; default 0.62 × width, between 280 and 560.
 * @attr zoom - Wheel zooms x, drag pans, double-click resets; + and − keys too.
 * @attr y-label - The loss axis's title, for losses not in nats per token (default "Loss (nats per token)").
 * @attr theme - "auto" (default), "light" or "dark".
 * @attr lang - "en" or "zh"; default from the nearest lang attribute.
 * @attr filename - Download file name without extension (default "scaling-fit").
 *
 * @prop runs - The runs: `Runs` or anything readRuns accepts (CSV/JSON text, row objects, an object of arrays). Wins over `src` and inline data.
 * @prop columns - Mirrors `columns`; also takes a mapping `{ N?, D?, C?, loss? }`. The column pickers set it.
 * @prop result - The FitResult of the runs drawn (read only); undefined while an attribute or the data is invalid, and before the first fit.
 * @prop intervals - The last bootstrap result (read only), or undefined.
 *
 * @fires {CustomEvent<FitResult>} scaling-fit-done - After each fit is drawn; detail: the FitResult.
 * @fires {CustomEvent<BootstrapResult>} scaling-bootstrap-done - After bootstrap intervals (and the band) are shown; detail: the BootstrapResult.
 * @fires {CustomEvent<FitResult>} fit - Deprecated name of scaling-fit-done, fired too until the next release.
 * @fires {CustomEvent<BootstrapResult>} bootstrap - Deprecated name of scaling-bootstrap-done, fired too until the next release.
 * @fires {CustomEvent<RenderDetail>} scaling-render - After each redraw; detail { width, height, series, points }.
 * @fires {CustomEvent<ErrorDetail>} scaling-error - When an error is shown; detail { message }.
 * @fires {CustomEvent<ErrorDetail>} scaling-notice - When a notice is shown above the chart; detail { message }.
 * @fires {CustomEvent<ExportDetail>} scaling-export - Before a download (cancelable); detail { format, filename, blob }.
 *
 * @csspart toolbar - The controls above the chart.
 * @csspart x-select - The x-axis <select>.
 * @csspart view - The Fit / Residuals switch.
 * @csspart bootstrap-button - Starts the bootstrap.
 * @csspart bootstrap-progress - Progress bar and Cancel while it runs.
 * @csspart bootstrap-cancel - The Cancel button.
 * @csspart fit-progress - Progress of a slow fit.
 * @csspart warning - The "did not converge" warning, and the one naming parameters held at a bound.
 * @csspart notices - The parameters held at a bound, above the chart.
 * @csspart diagnostics - What the fit says about itself (collinear N and D, parameters the data do not determine, outliers, a fallback to this thread, …), above the parameter table.
 * @csspart bootstrap-diagnostics - What the bootstrap says about its intervals and how its refits ran, under its status line.
 * @csspart diagnostic - One of them; data-severity is info, warning or error, data-code its code.
 * @csspart status - The status row of the parameter table.
 * @csspart export - The export <details> menu (also export-button, export-menu, export-item).
 * @csspart reset-zoom - The reset button, shown while zoomed.
 * @csspart figure - Wraps the chart.
 * @csspart plot - The focusable chart area.
 * @csspart svg - The chart <svg>.
 * @csspart axis - Both axes (also axis-x, axis-y).
 * @csspart grid - Grid lines.
 * @csspart line - The fitted curves and the frontier.
 * @csspart band - The bootstrap band.
 * @csspart frontier-label - The frontier's name on the chart.
 * @csspart zero - The zero line of the residual view.
 * @csspart points - The runs.
 * @csspart legend - The legend.
 * @csspart cursor - The hover/keyboard cursor.
 * @csspart tooltip - The tooltip.
 * @csspart params - The parameter table.
 * @csspart budget - The compute-optimal allocation table.
 * @csspart columns - The column pickers.
 * @csspart data-input - The paste / file form (also paste, paste-button, file).
 * @csspart table - The visually hidden data table.
 * @csspart error - The error box.
 *
 * @cssprop --scaling-font - Font family.
 * @cssprop --scaling-font-size - Base font size (14px).
 * @cssprop --scaling-fg - Text, axis labels and the frontier.
 * @cssprop --scaling-bg - Background (also painted into exports).
 * @cssprop --scaling-muted - Axis lines and secondary text.
 * @cssprop --scaling-accent - Progress bars, the pressed view button and warning diagnostics.
 * @cssprop --scaling-grid - Grid lines and borders.
 * @cssprop --scaling-focus - Focus rings.
 * @cssprop --scaling-danger - Error and "not converged" accents, error diagnostics and "not determined" parameters.
 * @cssprop --scaling-surface - Tooltip, menu and input background.
 * @cssprop --scaling-size-0 - Colour of the smallest models' runs and lines (… --scaling-size-5, largest).
 */

import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Runs } from '../../core/runs-types.js';
import type { RunsInput } from '../../core/runs.js';
import type { ColumnMapping, Role } from '../../core/columns.js';
import { withColumn } from '../../core/column-spec.js';
import type { FitResult } from '../../core/fit.js';
import type { BootstrapResult } from '../../core/bootstrap.js';
import type { LossVariable } from '../../core/forms-eval.js';
import { isolate } from '../../chart/isolate.js';
import { extent, logDomain } from '../../chart/scales.js';
import { ScalingElement, type TextFormat } from '../base.js';
import { describeError } from '../../i18n/errors.js';
import { FIT, type FitKey } from '../../i18n/fit.js';
import { sharedStyles } from '../shared-styles.js';
import { chartWidth, heightAttr, rawAttribute } from '../attributes.js';
import { ResizeController } from '../controllers/resize.js';
import { PlotController } from '../controllers/plot.js';
import { RunsSourceController } from '../controllers/runs-source.js';
import { Lagging } from '../controllers/lagging.js';
import { buildFitPlot, canBootstrap, fitKeyOf, fitOptionsOf, readSettings, FIT_DEFAULTS, type FitPlot, type FitSettings } from './model.js';
import { drawFit, type FitDrawing } from './draw.js';
import { logGrid } from './band.js';
import { FitJobs, type BandRequest } from './jobs.js';
import { controlId, renderColumnPickers, renderFitProgress, renderSourceInput, renderStale, renderToolbar } from './controls.js';
import { fitExportText } from './export-text.js';
import { FitEvents } from './events.js';
import { cursorText, runLines, summaryText } from './text.js';
import { renderStatus } from './status.js';
import { renderNumbers, renderRunsTable } from './tables.js';
import { fitStyles } from './fit.styles.js';

declare global {
  interface HTMLElementEventMap {
    'scaling-fit-done': CustomEvent<FitResult>;
    'scaling-bootstrap-done': CustomEvent<BootstrapResult>;
  }
}

export class ScalingFit extends ScalingElement<FitKey> {
  static override styles = [...sharedStyles, fitStyles];

  // Declared without decorators (see ScalingElement); defaults are set in the constructor.
  static override properties: PropertyDeclarations = {
    src: {}, form: {}, loss: {}, strategy: {},
    dropHighest: { attribute: 'drop-highest', converter: rawAttribute },
    x: {},
    bootstrap: { converter: rawAttribute }, budget: { converter: rawAttribute }, height: { converter: rawAttribute },
    zoom: { type: Boolean, reflect: true },
    runs: { attribute: false }, columns: { converter: rawAttribute },
    residuals: { state: true }, view: { state: true },
  };

  declare src: string | undefined;
  declare form: string | undefined;
  declare loss: string | undefined;
  declare strategy: string | undefined;
  declare dropHighest: number | string | undefined;
  declare x: string;
  declare bootstrap: number | string | undefined;
  declare budget: number | string | undefined;
  declare height: number | string | undefined;
  declare zoom: boolean;
  declare runs: Runs | RunsInput | undefined;
  declare columns: ColumnMapping | string | undefined;

  private declare residuals: boolean;
  private declare view: [number, number] | null;

  /** The last FitResult, or undefined. */
  get result(): FitResult | undefined { return this.model && this.jobs.fittedRuns === this.model.runs ? this.jobs.result : undefined; }
  /** The last bootstrap result, or undefined (as `result`, while an attribute or the data is invalid). */
  get intervals(): BootstrapResult | undefined { return this.result ? this.jobs.intervals : undefined; }

  private readonly size = new ResizeController(this);
  private readonly source = new RunsSourceController(this, {
    runs: () => this.runs, src: () => this.src, columns: () => this.columns,
    dropHighest: () => this.settings?.dropHighest, t: () => this.i18n.t, lang: () => this.i18n.lang,
  });
  private readonly jobs = new FitJobs(this);
  private readonly plot = new PlotController(this, {
    drawing: () => this.drawing && { ...this.drawing, xType: 'log' },
    pointText: (pos) => (this.model && this.drawing ? runLines(this.model, this.drawing.runIndices[pos], this.i18n.t) : []),
    cursorAt: (v) => (this.model && !this.residuals ? cursorText(this.model, v, this.i18n.t) : undefined)!,
    zoom: { enabled: () => this.zoom, setView: (domain) => { this.view = domain; } },
  });
  private readonly ids = { x: controlId('x'), boot: controlId('boot'), fit: controlId('fit'), text: controlId('text'), file: controlId('file'), col: controlId('col') };
  private settings?: FitSettings;
  /** The model the hidden runs table shows: the chart's, a task later (see Lagging). */
  private readonly tableModel = new Lagging(this, () => this.model);
  private model?: FitPlot;
  private drawing?: FitDrawing;
  private drawKey: unknown[] = [];
  private readonly events = new FitEvents({
    render: (detail) => this.emit('scaling-render', detail),
    fitDone: (result) => this.announce('scaling-fit-done', 'fit', result),
    bootstrapDone: (intervals) => this.announce('scaling-bootstrap-done', 'bootstrap', intervals),
  });

  constructor() {
    super(FIT);
    this.x = FIT_DEFAULTS.x;
    this.zoom = false;
    this.residuals = false;
    this.view = null;
  }

  /** Starts the bootstrap (as the button does); resolves when it ends, was cancelled or failed. */
  runBootstrap(): Promise<void> {
    const s = this.settings;
    if (!s) return Promise.resolve();
    return this.jobs.startBootstrap(s.resamples, s.budget, FIT_DEFAULTS.level, () => this.bandRequest());
  }

  /** Cancels a running bootstrap. */
  cancelBootstrap(): void { this.jobs.cancelBootstrap(); }

  private bandRequest(): BandRequest | undefined {
    const m = this.model;
    if (!m || m.frontier.length === 0) return undefined;
    return { x: m.x, grid: logGrid(m.domain, FIT_DEFAULTS.bandPoints), cRange: logDomain(extent(m.runs.C, true) ?? [1e18, 1e22], 1) };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const t = this.i18n.t;
    if (changed.has('x') || changed.has('runs') || changed.has('src')) this.view = null;
    let problem: string | null = null;
    try {
      this.settings = readSettings({ form: this.form, loss: this.loss, strategy: this.strategy, x: this.x, dropHighest: this.dropHighest, bootstrap: this.bootstrap, budget: this.budget }, t);
    } catch (error) {
      this.settings = undefined;
      problem = describeError(error, this.i18n.lang);
    }
    this.source.sync();
    const s = this.settings, runs = s ? this.source.runs : undefined;
    if (s) this.jobs.request(runs, fitOptionsOf(s), fitKeyOf(s));
    problem ??= this.source.error ?? (this.jobs.fitError ? t('fitErrFit', { detail: isolate(describeError(this.jobs.fitError, this.i18n.lang)) }) : null);
    this.error = problem;
    if (!s || !runs || problem) {
      this.model = this.drawing = undefined;
      this.drawKey = [];
      return;
    }
    const result = this.jobs.fittedRuns === runs ? this.jobs.result : undefined;
    const width = chartWidth(this.size.width || this.clientWidth);
    const height = heightAttr(this.height) ?? Math.min(560, Math.max(280, width * 0.62));
    const key = [runs, result, s.x, this.view, this.jobs.band, this.residuals, width, height, this.i18n.lang, this.source.sourceLabel];
    if (key.every((k, i) => Object.is(k, this.drawKey[i]))) return;
    this.drawKey = key;
    try {
      this.model = buildFitPlot({ runs, result, x: s.x, view: this.view, band: this.jobs.band }, t);
      this.drawing = drawFit(this.model, { width, height, t, lossTitle: this.lossTitle(), residuals: this.residuals, ariaLabel: summaryText(this.model, result, this.residuals, this.source.sourceText, t), runLabel: (i) => runLines(this.model!, i, t).join(', ') });
      const band = this.bandRequest();
      if (band) this.jobs.requestBand(band);
    } catch (error) {
      this.model = this.drawing = undefined;
      this.error = describeError(error, this.i18n.lang);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.events.afterUpdate(this.drawing, this.model, this.jobs);
  }

  protected override exportText(format: TextFormat): string {
    return fitExportText(format, this.model?.runs, this.jobs, this.source, this.error);
  }

  private pickColumn(role: Role, name: string): void {
    this.columns = withColumn(this.columns, role, name);
  }

  protected override render(): unknown {
    const t = this.i18n.t, s = this.settings, j = this.jobs;
    const hasChart = !!this.drawing && !this.error;
    return html`
      ${hasChart && s ? renderToolbar({
        x: s.x, residuals: this.residuals, canBootstrap: canBootstrap(s, j.fittedRuns) && !!j.result, bootState: j.bootState,
        bootProgress: j.bootProgress, resamples: s.resamples, zoomed: !!this.view, ids: this.ids,
      }, {
        setX: (x: LossVariable) => { this.x = x; },
        setResiduals: (on) => { this.residuals = on; },
        bootstrap: () => void this.runBootstrap(),
        cancel: () => this.cancelBootstrap(),
        resetZoom: () => { this.view = null; },
      }, t, this.renderExportMenu()) : nothing}
      ${this.renderError(this.notice)}
      ${this.renderError()}
      ${renderStale(this.source, this.i18n.t)}
      ${renderStatus(this.source, j, t, this.i18n.lang, (message) => this.renderError(message))}
      ${renderFitProgress(j.fitProgress, this.source.runs?.N.length ?? 0, this.ids.fit, t)}
      <figure class="figure ${this.source.userError ? 'stale' : ''}" part="figure" ?hidden=${!hasChart}>${this.plot.render(this.drawing?.svg ?? nothing, t('fitPlotHint'))}</figure>
      <div class=${this.source.userError ? 'stale' : ''}>${hasChart && this.model && s ? renderNumbers(j, s.budget, t, this.i18n.lang) : nothing}</div>
      ${renderColumnPickers(this.source.match, (role, name) => this.pickColumn(role, name), t, this.ids.col)}
      ${renderSourceInput(this.source, this.i18n.t, this.ids)}
      ${hasChart ? renderRunsTable(this.tableModel.value, t) : nothing}`;
  }
}

