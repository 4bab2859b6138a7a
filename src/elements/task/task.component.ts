/**
 * <scaling-task>: a benchmark score predicted from compute in two fitted
 * steps (compute → loss → score; Gadre et al. 2024, the OLMo 2 ladder of
 * Bhagia et al. 2024; docs/laws.md, "Task laws"), backtested on the
 * largest runs. A thin shell: data sources → RunsSourceController → TaskJobs
 * (both fits, the chained bootstrap) → model.ts → draw.ts → this element.
 *
 * @summary Predict a benchmark score through a loss law and a task law, and show how well it predicts the held-out largest runs.
 *
 * @attr src - URL of a CSV or JSON file of runs, fetched once (15 s timeout). Inline data can instead be a child `<script type="text/csv">` (or `application/json`) or a plain `<table>`.
 * @attr columns - Which column holds each quantity, "N=params,D=tokens,loss=c4_loss,metric=err_avg", or a JSON object; the score column is recognised alone only when named metric, accuracy, acc, error, err or score.
 * @attr form - The loss law (step 1): chinchilla (default), kaplan, overtrained, data-constrained, …
 * @attr loss - Its fitting loss: huber (default), squared, squared-raw, asymmetric or squared-log1p.
 * @attr task-form - The task law (step 2): task-exp (default; Gadre et al.) or task-sigmoid (the OLMo 2 ladder), fitted by least squares on the score.
 * @attr holdout - Hold out the k largest-compute runs, fit both steps on the rest and predict the held-out scores from N and D alone (default 0).
 * @attr chance - The score of guessing (for example 0.75 error on four-way multiple choice), drawn as a line.
 * @attr tokens-per-param - The ray D = r·N along which the chain is drawn; default the fitted runs' median.
 * @attr view - metric (score against compute, default), loss (step 1) or step (score against loss).
 * @attr bootstrap - Resamples for the chained intervals (default 1000, at most 100,000); each refits both laws.
 * @attr auto-intervals - Compute the chained intervals as soon as the fits are done.
 * @attr metric-label - The score axis title (default "Score (column)").
 * @attr height - Chart height in pixels, clamped to 180…4000; default 0.55 × width, between 240 and 460, plus the legend.
 * @attr y-label - The loss axis's title, for losses not in nats per token (default "Loss (nats per token)").
 * @attr theme - "auto" (default), "light" or "dark".
 * @attr lang - "en" or "zh"; default from the nearest lang attribute.
 * @attr filename - Download file name without extension (default "scaling-task").
 *
 * @prop runs - The runs: `Runs` or anything readRuns accepts. Wins over `src` and inline data.
 * @prop result - The two fits and the held-out runs ({ lossFit, taskFit, heldOut }) of what is drawn; undefined while an attribute or the data is invalid.
 * @prop intervals - The chained bootstrap (ChainBootstrapResult), or undefined.
 *
 * @fires {CustomEvent<TaskResult>} scaling-task-done - After both fits are drawn.
 * @fires {CustomEvent<ChainBootstrapResult>} scaling-chain-done - After the chained intervals are drawn.
 * @fires {CustomEvent<RenderDetail>} scaling-render - After each redraw; detail { width, height, series, points }.
 * @fires {CustomEvent<ErrorDetail>} scaling-error - When an error is shown; detail { message }.
 * @fires {CustomEvent<ExportDetail>} scaling-export - Before a download (cancelable); detail { format, filename, blob }.
 *
 * @csspart toolbar - The controls above the chart (also view, bootstrap-button, bootstrap-progress, bootstrap-cancel, export).
 * @csspart figure - Wraps the chart (also plot, svg, axis, grid, line, band, points, predictions, chance, legend, cursor, tooltip).
 * @csspart backtest - The table of held-out runs, measured and predicted.
 * @csspart params - The two parameter tables (also diagnostics, diagnostic, status).
 * @csspart data-input - The paste / file form.
 * @csspart table - The visually hidden table of runs.
 * @csspart error - The error box.
 *
 * @cssprop --scaling-fg - Text, axis labels, and the predictions for held-out runs with their intervals.
 * @cssprop --scaling-bg - Background (also painted into exports).
 * @cssprop --scaling-accent - The chained prediction, its band and the fitted runs.
 * @cssprop --scaling-danger - Held-out runs and error accents.
 * @cssprop --scaling-muted - The chance line.
 */

import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Runs } from '../../core/runs-types.js';
import type { RunsInput } from '../../core/runs.js';
import type { ColumnMapping, Role } from '../../core/columns.js';
import { withColumn } from '../../core/column-spec.js';
import type { ChainBootstrapResult } from '../../core/chain-bootstrap.js';
import { formatLaw } from '../../core/law-text.js';
import { A11Y_LIMITS, dataTable, firstRows } from '../../chart/a11y.js';
import { isolate } from '../../chart/isolate.js';
import { ScalingElement, type TextFormat } from '../base.js';
import { describeError } from '../../i18n/errors.js';
import { joinTables } from '../../i18n/tables.js';
import { FIT, type FitKey } from '../../i18n/fit.js';
import { TASK, type TaskKey } from '../../i18n/task.js';
import { sharedStyles } from '../shared-styles.js';
import { fitStyles } from '../fit/fit.styles.js';
import { chartWidth, heightAttr, rawAttribute } from '../attributes.js';
import { ResizeController } from '../controllers/resize.js';
import { PlotController } from '../controllers/plot.js';
import { RunsSourceController } from '../controllers/runs-source.js';
import { controlId, renderColumnPickers, renderSourceInput, renderStale } from '../fit/controls.js';
import { renderDiagnostics, renderParams } from '../fit/params.js';
import { buildTaskPlot, chainPoints, readSettings, taskKeyOf, type TaskFits, type TaskPlot, type TaskSettings } from './model.js';
import { drawTask, type TaskDrawing } from './draw.js';
import { TaskJobs } from './jobs.js';
import { cursorText, runLines, runRow, summaryText } from './text.js';
import { renderBacktest, renderToolbar } from './toolbar.js';
import { taskCsv, taskJson } from './exports.js';
import { taskStyles } from './task.styles.js';
import { withSuperscripts } from '../superscripts.js';

/** What `result` and `scaling-task-done` give: both fits and which runs were held out. */
export type TaskResult = Pick<TaskFits, 'lossFit' | 'taskFit' | 'heldOut'>;

declare global {
  interface HTMLElementEventMap {
    'scaling-task-done': CustomEvent<TaskResult>;
    'scaling-chain-done': CustomEvent<ChainBootstrapResult>;
  }
}

export class ScalingTask extends ScalingElement<FitKey | TaskKey> {
  static override styles = [...sharedStyles, fitStyles, taskStyles];

  static override properties: PropertyDeclarations = {
    src: {}, form: {}, loss: {}, taskForm: { attribute: 'task-form' },
    holdout: { converter: rawAttribute }, chance: { converter: rawAttribute },
    tokensPerParam: { attribute: 'tokens-per-param', converter: rawAttribute },
    view: {}, bootstrap: { converter: rawAttribute }, autoIntervals: { attribute: 'auto-intervals', type: Boolean },
    metricLabel: { attribute: 'metric-label' }, height: { converter: rawAttribute },
    runs: { attribute: false }, columns: { converter: rawAttribute },
  };

  declare src: string | undefined;
  declare form: string | undefined;
  declare loss: string | undefined;
  declare taskForm: string | undefined;
  declare holdout: number | string | undefined;
  declare chance: number | string | undefined;
  declare tokensPerParam: number | string | undefined;
  declare view: string | undefined;
  declare bootstrap: number | string | undefined;
  declare autoIntervals: boolean;
  declare metricLabel: string | undefined;
  declare height: number | string | undefined;
  declare runs: Runs | RunsInput | undefined;
  declare columns: ColumnMapping | string | undefined;

  get result(): TaskResult | undefined {
    // Only the fits of what is drawn: undefined while an attribute or the data is invalid.
    const f = this.model?.fits;
    return f && { lossFit: f.lossFit, taskFit: f.taskFit, heldOut: f.heldOut };
  }
  get intervals(): ChainBootstrapResult | undefined { return this.model ? this.jobs.band : undefined; }

  private readonly size = new ResizeController(this);
  private readonly source = new RunsSourceController(this, {
    runs: () => this.runs, src: () => this.src, columns: () => this.columns, t: () => this.i18n.t, lang: () => this.i18n.lang,
  });
  private readonly jobs = new TaskJobs(this);
  private readonly plot = new PlotController(this, {
    drawing: () => this.drawing,
    pointText: (pos) => (this.model && this.drawing ? runLines(this.model, this.drawing.runIndices[pos], this.metricName, this.i18n.t) : []),
    cursorAt: (v) => (this.model && this.settings ? cursorText(this.model, this.settings.view, v, this.metricName, this.i18n.t) : undefined)!,
  });
  private readonly ids = { text: controlId('text'), file: controlId('file'), col: controlId('col'), boot: controlId('boot') };
  private settings?: TaskSettings;
  private model?: TaskPlot;
  private drawing?: TaskDrawing;
  private drawKey: unknown[] = [];
  private emitted: { svg?: SVGSVGElement; fits?: TaskFits; band?: ChainBootstrapResult; autoFor?: TaskFits } = {};

  constructor() {
    super(joinTables(FIT, TASK));
    this.autoIntervals = false;
  }

  /** The score column's name, as the data name it. */
  private get metricName(): string { return this.source.runs?.columns.metric ?? 'metric'; }
  private get metricTitle(): string { return this.metricLabel || this.i18n.t('taskAxisMetric', { column: this.metricName }); }

  /** Starts the chained intervals (as the button does); resolves when they end, were cancelled or failed. */
  runBootstrap(): Promise<void> {
    const s = this.settings, m = this.model;
    if (!s || !m) return Promise.resolve();
    return this.jobs.startBootstrap(s, chainPoints(m.domain, m.ratio, m.runs, m.fits.heldOut));
  }

  cancelBootstrap(): void { this.jobs.cancelBootstrap(); }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const t = this.i18n.t;
    let problem: string | null = null;
    try {
      this.settings = readSettings({ form: this.form, loss: this.loss, taskForm: this.taskForm, holdout: this.holdout, chance: this.chance,
        tokensPerParam: this.tokensPerParam, view: this.view, bootstrap: this.bootstrap }, t);
    } catch (error) {
      this.settings = undefined;
      problem = describeError(error, this.i18n.lang);
    }
    this.source.sync();
    const s = this.settings;
    let runs = s ? this.source.runs : undefined;
    if (runs && !runs.metric) {
      const list = this.source.headers.length ? t('taskErrNoMetricFound', { list: this.source.headers.map((h) => isolate(h)).join(', ') }) : '';
      problem ??= t('taskErrNoMetric', { found: list });
      runs = undefined;
    }
    if (s) this.jobs.request(runs, s, taskKeyOf(s));
    problem ??= this.source.error ?? (this.jobs.fitError ? t('taskErrFit', { detail: isolate(describeError(this.jobs.fitError, this.i18n.lang)) }) : null);
    this.error = problem;
    const fits = this.jobs.fits;
    if (!s || !runs || problem || !fits || fits.runs !== runs) {
      this.model = this.drawing = undefined;
      this.drawKey = [];
      return;
    }
    const width = chartWidth(this.size.width || this.clientWidth);
    // Without a height, the legend (several rows on a phone) is added to the plot's, so it never squeezes the chart.
    const fixed = heightAttr(this.height), height = fixed ?? Math.min(460, Math.max(240, width * 0.55));
    const key = [fits, this.jobs.band, s.view, s.chance, s.tokensPerParam, width, height, this.i18n.lang, this.metricTitle];
    if (key.every((k, i) => Object.is(k, this.drawKey[i]))) return;
    this.drawKey = key;
    try {
      const m = this.model = buildTaskPlot(fits, s, this.jobs.band);
      this.drawing = drawTask(m, { width, height, legendExtra: fixed === undefined, view: s.view, t, metricTitle: this.metricTitle, lossTitle: this.lossTitle(),
        ariaLabel: summaryText(m, s.view, this.metricTitle, t), runLabel: (i) => runLines(m, i, this.metricName, t).join(', ') });
    } catch (error) {
      this.model = this.drawing = undefined;
      this.error = describeError(error, this.i18n.lang);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const d = this.drawing, m = this.model;
    if (!d || !m) return;
    if (d.svg !== this.emitted.svg) {
      this.emitted.svg = d.svg;
      this.emit('scaling-render', { width: d.frame.width, height: d.frame.height, series: 1, points: d.runIndices.length });
    }
    if (m.fits !== this.emitted.fits) {
      this.emitted.fits = m.fits;
      this.dispatchEvent(new CustomEvent('scaling-task-done', { detail: this.result, bubbles: true, composed: true }));
    }
    if (this.autoIntervals && this.jobs.bootState === 'idle' && this.emitted.autoFor !== m.fits) {
      this.emitted.autoFor = m.fits;
      // After this update has completed: starting it here would ask for an update inside one.
      void this.updateComplete.then(() => this.runBootstrap());
    }
    const band = this.jobs.band;
    if (band && m.metricBand && band !== this.emitted.band) {
      this.emitted.band = band;
      this.dispatchEvent(new CustomEvent('scaling-chain-done', { detail: band, bubbles: true, composed: true }));
    }
  }

  protected override exportFormats = ['svg', 'png', 'csv', 'json'] as const;

  protected override exportText(format: TextFormat): string {
    const m = this.model;
    if (!m) throw new Error(this.error ?? 'nothing to export');
    return format === 'csv' ? taskCsv(m) : taskJson(m, this.jobs.band, this.source.sourceLabel);
  }

  private pickColumn(role: Role, name: string): void {
    this.columns = withColumn(this.columns, role, name);
  }

  private renderSteps(): unknown {
    const f = this.jobs.fits, m = this.model;
    if (!f || !m) return nothing;
    const t = this.i18n.t, lang = this.i18n.lang, j = this.jobs;
    const step = (caption: string, result: TaskFits['lossFit']) => html`<section class="step">
      <h4>${withSuperscripts(caption)}</h4>${renderDiagnostics(result, t, lang)}${renderParams(result, undefined, t, lang)}</section>`;
    return html`
      ${j.bootState === 'done' && j.band ? html`<p class="status-line" role="status">${t('taskIntervalsDone', { n: j.band.resamples - j.band.failed, level: Math.round(j.band.level * 100) })}</p>` : nothing}
      ${j.bootState === 'failed' ? this.renderError(t('taskErrIntervals', { detail: isolate(describeError(j.bootError, lang)) })) : nothing}
      ${renderBacktest(m, this.metricName, t)}
      <div class="numbers steps" part="params">
        ${step(t('taskLossCaption', { law: formatLaw(f.lossFit.law, 4) }), f.lossFit)}
        ${step(t('taskTaskCaption', { law: formatLaw(f.taskFit.law, 4) }), f.taskFit)}
      </div>`;
  }

  private renderTable(): unknown {
    const m = this.model;
    if (!m) return nothing;
    const t = this.i18n.t, c = m.runs.columns, n = m.runs.N.length;
    return dataTable(t('taskRunsCaption', { n }), [t('fitRow'), c.N, c.D ?? 'D', c.C ?? 'C', c.loss, this.metricName, t('taskChained'), t('taskHeldOut')],
      firstRows(n, (i) => runRow(m, i, t)), 'table', n > A11Y_LIMITS.tableRows ? t('fitTableCapped', { shown: A11Y_LIMITS.tableRows, n }) : undefined);
  }

  protected override render(): unknown {
    const t = this.i18n.t, s = this.settings, j = this.jobs;
    const hasChart = !!this.drawing && !this.error;
    return html`
      ${hasChart && s ? renderToolbar({ view: s.view, bootState: j.bootState, bootProgress: j.bootProgress, resamples: s.resamples, bootId: this.ids.boot }, {
        setView: (view) => { this.view = view; },
        bootstrap: () => void this.runBootstrap(),
        cancel: () => this.cancelBootstrap(),
      }, t, this.renderExportMenu()) : nothing}
      ${this.renderError(this.notice)}
      ${this.renderError()}
      ${renderStale(this.source, this.i18n.t)}
      ${j.fitting && !hasChart ? html`<p class="status-line" role="status">${t('fitFitting', { n: this.source.runs?.N.length ?? 0 })}</p>` : nothing}
      <figure class="figure ${this.source.userError ? 'stale' : ''}" part="figure" ?hidden=${!hasChart}>${this.plot.render(this.drawing?.svg ?? nothing, t('taskPlotHint'))}</figure>
      ${hasChart ? this.renderSteps() : nothing}
      ${renderColumnPickers(this.source.match, (role, name) => this.pickColumn(role, name), t, this.ids.col)}
      ${renderSourceInput(this.source, this.i18n.t, this.ids)}
      ${hasChart ? this.renderTable() : nothing}`;
  }
}
