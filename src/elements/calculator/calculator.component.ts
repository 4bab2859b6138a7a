/**
 * <scaling-calculator>: a training budget — FLOPs, or GPUs × days × MFU on a
 * hardware preset — turned into each law's compute-optimal N*, D*, tokens
 * per parameter and predicted loss, with the budget's GPU-hours, cost,
 * energy and CO₂e, side by side for several laws. A thin shell: attributes
 * and the form → model.ts (validated scenario; numbers from core/planning.ts
 * and core/cost.ts) → table.ts and draw.ts → this element (events, URL hash,
 * live region, exports). Everything is closed-form or a fast 1-D solve, so
 * every input updates at once; only the hash write and the spoken summary wait.
 *
 * @summary Compute-optimal model size, tokens, loss and cost for a training budget.
 *
 * @attr budget - Training compute in FLOPs (flops mode): "5.76e23", "5.76×10^23", "1e24". Default 5.76e23. The same name as <scaling-fit>'s budget.
 * @attr flops - Deprecated name of budget, read until the next release (budget wins when both are given).
 * @attr laws - Preset ids, comma-separated: laws of N and D (loss and split) or allocation rules
 *   (llama3-2024, deepseek2024: split only). Default "besiroglu2024,hoffmann2022,llama3-2024".
 * @attr for - Id of a `<scaling-fit>` whose fitted law joins the table as the first column.
 * @attr mode - "flops" (default: the budget is `flops`) or "gpu" (GPUs × days × MFU × dense peak).
 * @attr hardware - "h100-sxm" (default, 989.4 TFLOP/s dense BF16) or "a100-sxm" (312 TFLOP/s).
 * @attr gpus - GPUs running in parallel (default 1024); in flops mode only the wall-clock days use it.
 * @attr days - Training days in gpu mode (default 30).
 * @attr mfu - Model FLOPs utilisation against the dense peak, "0.4" or "40%" (default 0.4).
 * @attr price - Dollars per GPU-hour (default 2).
 * @attr inference-tokens - Expected lifetime inference tokens ("2T"); adds Sardana et al.'s inference-aware N, D and saving.
 * @attr hash-state - Read and write the scenario in the URL hash (see hash.ts), under the key "calc" or the attribute's value.
 * @attr chart - "loss" (default: L*(C) per law), "params" (N*(C)) or "none".
 * @attr height - Chart height in pixels (default 260), clamped to 180…4000.
 * @attr theme - "auto" (default), "light" or "dark".
 * @attr lang - "en" or "zh"; default from the nearest lang attribute.
 * @attr filename - Download file name without extension (default "scaling-calculator").
 *
 * @prop budget - Mirrors `budget` (a number once set from the form or the hash).
 * @prop flops - Deprecated: the same value as `budget`.
 * @prop laws - Mirrors `laws`; also takes an array of ids.
 * @prop for - Mirrors `for`.
 * @prop mode - Mirrors `mode`.
 * @prop hardware - Mirrors `hardware`.
 * @prop gpus - Mirrors `gpus`.
 * @prop days - Mirrors `days`.
 * @prop mfu - Mirrors `mfu` (a fraction).
 * @prop price - Mirrors `price`.
 * @prop inferenceTokens - Mirrors `inference-tokens`.
 * @prop hashState - Mirrors `hash-state` (undefined when absent).
 * @prop chart - Mirrors `chart`.
 * @prop result - Read only: the table { scenario, budget, rows } (see model.ts), or undefined while an input is invalid; the outputs are then dimmed and marked as being for the last valid inputs (part="stale").
 * @prop lastUpdateMs - Read only: milliseconds the last computation and chart took (a diagnostic).
 *
 * @fires {CustomEvent<CalcResult>} scaling-change - After each change of the result, and once after the first; detail is `result`.
 *   (Not `change`: the native event of the inner form controls has that name.)
 * @fires {CustomEvent<ErrorDetail>} scaling-error - When an error is shown; detail { message }.
 * @fires {CustomEvent<ErrorDetail>} scaling-notice - When a notice is shown above the chart; detail { message }.
 * @fires {CustomEvent<ExportDetail>} scaling-export - Before a download (cancelable); detail { format, filename, blob }.
 *
 * @csspart controls - The form.
 * @csspart mode - The budget-mode radio group.
 * @csspart slider - The log FLOPs slider.
 * @csspart input - Each text field.
 * @csspart select - The hardware and chart selects.
 * @csspart laws - The law picker.
 * @csspart gpu-flops - The FLOPs GPUs × days × MFU give, in gpu mode.
 * @csspart budget - The cost figures.
 * @csspart assumptions - The line of assumptions under them.
 * @csspart table-wrap - The scrolling box around the results table.
 * @csspart table - The results table.
 * @csspart toolbar - Chart choice and export menu (export, export-button, export-menu, export-item as in every element).
 * @csspart figure - Wraps the chart.
 * @csspart plot - The focusable chart area.
 * @csspart svg - The chart <svg> (inside: axis, axis-x, axis-y, grid, line, marker, legend, cursor).
 * @csspart tooltip - The chart tooltip.
 * @csspart chart-table - The visually hidden table of the chart's numbers.
 * @csspart announce - The visually hidden live region.
 * @csspart notice - Ignored parts of the URL hash, in words.
 * @csspart error - The error box.
 *
 * @cssprop --scaling-font - Font family.
 * @cssprop --scaling-font-size - Base font size (14px).
 * @cssprop --scaling-fg - Text.
 * @cssprop --scaling-bg - Background (also painted into exports).
 * @cssprop --scaling-muted - Secondary text and axis lines.
 * @cssprop --scaling-accent - Slider, radios and checkboxes.
 * @cssprop --scaling-grid - Grid lines and borders.
 * @cssprop --scaling-focus - Focus rings.
 * @cssprop --scaling-danger - Errors and invalid fields.
 * @cssprop --scaling-surface - Cost cards, tooltip and menus.
 * @cssprop --scaling-series-0 - Colour of the first law's column and curve (… --scaling-series-7).
 */

import { DEV } from '../dev.js';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { CalculatorTranslate } from '../../i18n/index.js';
import { describeError } from '../../i18n/errors.js';
import { ScalingElement, type ExportFormat, type TextFormat } from '../base.js';
import { CALCULATOR, type CalculatorKey } from '../../i18n/calculator.js';
import { sharedStyles } from '../shared-styles.js';
import { rawAttribute } from '../attributes.js';
import { ResizeController } from '../controllers/resize.js';
import { PlotController } from '../controllers/plot.js';
import { CALC_DEFAULTS, readScenario, type CalcResult, type Scenario } from './model.js';
import { renderChartPick, renderControls, type Field } from './controls.js';
import { renderBudget, renderTable } from './table.js';
import { announcement, cursorAt, hashNotice, liveRegion, resultCsv, resultJson, staleNote } from './describe.js';
import { validKey } from './hash.js';
import { HashStateController, type HashHost } from './hash-controller.js';
import { formActions, type FormHost } from './actions.js';
import { FitLinkController } from './fit-link.js';
import { Calculation } from './calculation.js';
import { ChartView } from './chart-view.js';
import { ChangeAnnouncer } from './change-announcer.js';
import { syncBudgetAlias } from './budget-alias.js';
import { calculatorStyles } from './calculator.styles.js';

declare module '../base.js' {
  interface ScalingEventMap { 'scaling-change': CalcResult }
}
declare global {
  interface HTMLElementEventMap { 'scaling-change': CustomEvent<CalcResult> }
}

// The announcer's delay, still importable from here, where it was first defined.
export { CALCULATOR_DELAYS } from './change-announcer.js';

export class ScalingCalculator extends ScalingElement<CalculatorKey> implements FormHost, HashHost {
  static override styles = [...sharedStyles, calculatorStyles];

  // Declared without decorators (see ScalingElement); defaults are set in the constructor.
  static override properties: PropertyDeclarations = {
    budget: { converter: rawAttribute }, flops: { converter: rawAttribute }, laws: { converter: rawAttribute }, for: { converter: rawAttribute },
    mode: {}, hardware: {},
    gpus: { converter: rawAttribute }, days: { converter: rawAttribute }, mfu: { converter: rawAttribute }, price: { converter: rawAttribute },
    inferenceTokens: { attribute: 'inference-tokens', converter: rawAttribute },
    hashState: { attribute: 'hash-state', converter: rawAttribute },
    chart: {},
    height: { converter: rawAttribute },
    drafts: { state: true }, problems: { state: true }, spoken: { state: true },
  };

  declare budget: number | string | undefined;
  /** The budget as the form, the slider and the hash set it (`budget` and the deprecated `flops` both write it). */
  declare flops: number | string | undefined;
  declare laws: string | readonly string[] | undefined;
  declare for: string | undefined;
  declare mode: string;
  declare hardware: string;
  declare gpus: number | string | undefined;
  declare days: number | string | undefined;
  declare mfu: number | string | undefined;
  declare price: number | string | undefined;
  declare inferenceTokens: number | string | undefined;
  declare hashState: string | undefined;
  declare chart: string;
  declare height: number | string | undefined;

  /** @internal Text being typed, per field. */
  declare drafts: Partial<Record<Field, string>>;
  /** @internal Messages for fields whose text is not valid. */
  declare problems: Partial<Record<Field, string>>;
  private declare spoken: string;

  /** Milliseconds the last computation and chart took (a diagnostic). */
  lastUpdateMs = 0;

  private readonly size = new ResizeController(this);
  private readonly link = new FitLinkController(this, () => this.for);
  private readonly computed = new Calculation();
  private readonly chartView = new ChartView();
  private readonly plot = new PlotController(this, {
    drawing: () => this.chartView.drawing && { ...this.chartView.drawing, xType: 'log' },
    pointText: () => [],
    cursorAt: (v) => cursorAt(this.chartView.data, v, this.i18n.t),
  });
  private readonly actions = formActions(this);
  private readonly hash = new HashStateController(this);
  private readonly changes = new ChangeAnnouncer((calc) => this.emit('scaling-change', calc), () => {
    if (this.computed.calc) this.spoken = announcement(this.computed.calc, this.i18n.t);
  });

  constructor() {
    super(CALCULATOR);
    this.flops = CALC_DEFAULTS.C;
    this.laws = CALC_DEFAULTS.laws.join(',');
    this.mode = CALC_DEFAULTS.mode;
    this.hardware = CALC_DEFAULTS.hardware;
    this.gpus = CALC_DEFAULTS.gpus;
    this.days = CALC_DEFAULTS.days;
    this.mfu = CALC_DEFAULTS.mfu;
    this.price = CALC_DEFAULTS.price;
    this.inferenceTokens = 0;
    this.chart = 'loss';
    this.drafts = {};
    this.problems = {};
    this.spoken = '';
  }

  /** The last computed table, or undefined while an input is invalid (typed, or an attribute). */
  get result(): CalcResult | undefined {
    return Object.keys(this.problems).length ? undefined : this.computed.calc;
  }

  /** The scenario the form shows: the last valid one. */
  get scenario(): Scenario {
    return this.computed.shown ?? readScenario({}, this.i18n.t);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.changes.stop();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // `budget` is the name every element uses; the old `flops` is read too, with a warning for the page's author.
    syncBudgetAlias(this, changed, (code, message) => this.warn(code, message));
    const key = this.hashState?.trim();
    if (changed.has('hashState') && key && !validKey(key) && DEV) this.warn('hash-key', `hash-state="${key}" is not a usable key (a letter, then letters, digits, - or _); using "calc"`);
    const start = performance.now();
    const t = this.i18n.t;
    this.link.refresh();
    try {
      const c = this.computed;
      c.run(this, this.link.law, this.for, t, this.i18n.lang);
      const width = () => this.size.width || this.clientWidth;
      this.chartView.update(c.calc!, c.sources, c.sourcesKey, { chart: this.chart, height: this.height, width, t, lang: this.i18n.lang });
      this.error = null;
    } catch (error) {
      this.computed.calc = undefined;
      this.chartView.clear();
      this.error = describeError(error, this.i18n.lang);
    }
    this.lastUpdateMs = performance.now() - start;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.changes.afterUpdate(this.computed.calc, this.computed.signature);
  }

  /** Sets the budget to `C` FLOPs in flops mode (what the slider and the chart do). */
  setFlops(C: number): void {
    this.mode = 'flops';
    this.flops = C;
  }

  /** @internal */
  translator(): CalculatorTranslate {
    return this.i18n.t;
  }

  /** @internal Applies a valid form value. */
  setField(field: Exclude<Field, 'flops'>, value: number): void {
    this[field] = value;
  }

  /** @internal */
  currentScenario(): Scenario | undefined {
    return this.computed.calc?.scenario;
  }

  /** A click on the chart sets the budget there. */
  private onChartClick = (e: MouseEvent): void => {
    const C = this.chartView.flopsAt(e);
    if (C !== undefined) this.setFlops(C);
  };

  protected override exportText(format: TextFormat): string {
    const calc = this.result;
    if (!calc) throw new Error(this.error ?? this.i18n.t('calcStale'));
    if (format === 'csv') return resultCsv(calc);
    if (format === 'json') return resultJson(calc, this.computed.sources);
    return super.exportText(format);
  }

  protected override exportFormats: readonly ExportFormat[] = ['svg', 'png', 'csv', 'json'];

  protected override render(): unknown {
    const t = this.i18n.t, calc = this.computed.calc, chart = this.chartView;
    return html`
      ${hashNotice(this.hash.problems, this.hash.key(), t)}
      ${renderControls({ t, scenario: this.scenario, drafts: this.drafts, problems: this.problems }, this.actions)}
      ${this.renderError()}
      ${calc ? html`${staleNote(this.problems, t)}<div class=${this.result ? 'outputs' : 'outputs stale'}>
        ${renderBudget(calc, t)}
        ${renderTable(calc, t)}
        <div class="toolbar" part="toolbar">${renderChartPick(t, this.chart, (kind) => { this.chart = kind; })}${this.renderExportMenu()}</div>
        ${this.renderError(this.notice)}
        ${chart.drawing && chart.data ? html`<figure class="figure" part="figure" @click=${this.onChartClick}>
          ${this.plot.render(chart.drawing.svg, t('calcPlotHint'))}</figure>${chart.hiddenTable(t)}` : nothing}</div>` : nothing}
      ${liveRegion(this.spoken)}`;
  }
}

