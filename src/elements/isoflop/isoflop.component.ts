/**
 * <scaling-isoflop>: IsoFLOP profiles (Hoffmann et al. 2022, Approach 2) —
 * loss against N per compute budget with each budget's fitted parabola and
 * optimum, rejected budgets muted with their reason, and the allocation law
 * N*(C) with its confidence interval. A thin shell: data sources
 * (RunsSourceController) → model.ts (the core's isoflop() shaped for drawing)
 * → draw.ts (detached SVG) → this element (tooltips, keyboard, zoom, exports,
 * accessible summary and tables).
 *
 * @summary IsoFLOP profiles and the compute-optimal allocation law they imply.
 *
 * @attr src - URL of CSV or JSON runs (columns N or D, C or D, loss); fetched because the author gave it.
 * @attr columns - Which column holds each quantity, "N=params,D=tokens,loss=c4 loss", or a JSON object; without it columns are recognised by name.
 * @attr budgets - Nominal budgets in FLOPs, comma-separated ("6e18, 1e19, 3e19"); runs snap to the nearest within tolerance. Default: group runs by C.
 * @attr tolerance - Relative tolerance on C for snapping or grouping (default 0.1).
 * @attr min-points - Fewest runs for a budget to be fitted (default 3).
 * @attr zoom - Wheel zooms the profiles' N axis, drag pans, double-click resets.
 * @attr y-label - The loss axis's title, for losses not in nats per token (default "Loss (nats per token)").
 * @attr theme - "auto" (default), "light" or "dark".
 * @attr lang - "en" or "zh"; default from the nearest lang attribute.
 * @attr filename - Download file name without extension (default "scaling-isoflop").
 *
 * @prop runs - Training runs: `Runs` (from readRuns) or anything readRuns accepts. An inline
 *   `<script type="text/csv">` or a `<table>` child does the same from HTML.
 * @prop columns - Mirrors `columns`; also takes a mapping `{ N?, D?, C?, loss? }`.
 * @prop result - The last IsoflopResult (read-only), or undefined.
 *
 * @fires {CustomEvent<IsoflopResult>} scaling-isoflop-done - After each new analysis; detail is the IsoflopResult.
 * @fires {CustomEvent<IsoflopResult>} isoflop - Deprecated name of scaling-isoflop-done, fired too until the next release.
 * @fires {CustomEvent<RenderDetail>} scaling-render - After each redraw; detail { width, height, series (budgets), points (runs) }.
 * @fires {CustomEvent<ErrorDetail>} scaling-error - When an error is shown; detail { message }.
 * @fires {CustomEvent<ErrorDetail>} scaling-notice - When a notice is shown above the chart; detail { message }.
 * @fires {CustomEvent<ExportDetail>} scaling-export - Before a download (cancelable); detail { format, filename, blob }.
 *
 * @csspart toolbar - The row above the chart.
 * @csspart export - The export menu (also export-button, export-menu, export-item).
 * @csspart reset-zoom - The reset button, shown while zoomed.
 * @csspart figure - Wraps the chart.
 * @csspart plot - The focusable chart area.
 * @csspart svg - The chart <svg>.
 * @csspart panel - Each panel (also profiles, allocation).
 * @csspart axis - The axes (also axis-x, axis-y).
 * @csspart grid - Grid lines.
 * @csspart line - Each parabola and the fitted allocation line.
 * @csspart band - The allocation line's confidence band.
 * @csspart points - The runs and the optima.
 * @csspart optima - The optimum diamonds on the profiles.
 * @csspart law - The allocation law as text.
 * @csspart legend - The legend of budgets.
 * @csspart tooltip - The tooltip.
 * @csspart status - The loading message.
 * @csspart table - The visually hidden data tables.
 * @csspart error - The error box.
 *
 * @cssprop --scaling-budget-0 - Colour of the smallest budget (… --scaling-budget-11, largest).
 * @cssprop --scaling-fg - Text, axes, the allocation line.
 * @cssprop --scaling-bg - Background (also painted into exports).
 * @cssprop --scaling-muted - Rejected budgets and secondary text.
 * @cssprop --scaling-grid - Grid lines and borders.
 * @cssprop --scaling-focus - Focus rings.
 * @cssprop --scaling-danger - Error box accent.
 * @cssprop --scaling-surface - Tooltip and menu background.
 * @cssprop --scaling-font - Font family (also --scaling-font-size).
 */

import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { IsoflopResult } from '../../core/isoflop.js';
import type { RunsInput } from '../../core/runs.js';
import type { Runs } from '../../core/runs-types.js';
import { describeError } from '../../i18n/errors.js';
import { ScalingElement, type ExportFormat, type TextFormat } from '../base.js';
import { ISOFLOP, type IsoflopKey } from '../../i18n/isoflop.js';
import { sharedStyles } from '../shared-styles.js';
import { chartWidth, rawAttribute } from '../attributes.js';
import type { ColumnMapping } from '../../core/columns.js';
import { ResizeController } from '../controllers/resize.js';
import { PlotController } from '../controllers/plot.js';
import { RunsSourceController } from '../controllers/runs-source.js';
import { Lagging } from '../controllers/lagging.js';
import { buildIsoflopModel, type IsoflopModel } from './model.js';
import { drawIsoflop, type IsoflopDrawing } from './draw.js';
import { IsoflopText } from './text.js';
import { isoflopStyles } from './isoflop.styles.js';

export class ScalingIsoflop extends ScalingElement<IsoflopKey> {
  static override styles = [...sharedStyles, isoflopStyles];

  // Declared without decorators (see ScalingElement); defaults are set in the constructor.
  static override properties: PropertyDeclarations = {
    src: { converter: rawAttribute }, budgets: { converter: rawAttribute }, tolerance: { converter: rawAttribute },
    minPoints: { attribute: 'min-points', converter: rawAttribute },
    zoom: { type: Boolean, reflect: true },
    columns: { converter: rawAttribute },
    runs: { attribute: false },
    view: { state: true },
  };

  declare src: string | undefined;
  declare budgets: string | readonly number[] | undefined;
  declare tolerance: string | number | undefined;
  declare minPoints: string | number | undefined;
  declare zoom: boolean;
  declare runs: Runs | RunsInput | undefined;
  declare columns: ColumnMapping | string | undefined;

  private declare view: [number, number] | null;

  protected override exportFormats: readonly ExportFormat[] = ['svg', 'png', 'csv', 'json'];
  protected override exportLabels = { csv: 'isoExportCsv', json: 'isoExportJson' } as const;

  private readonly size = new ResizeController(this);
  private readonly source = new RunsSourceController(this, { runs: () => this.runs, src: () => this.src, columns: () => this.columns, t: () => this.i18n.t, lang: () => this.i18n.lang });
  private readonly plot = new PlotController(this, {
    drawing: () => this.drawing && { ...this.drawing, xType: 'log' },
    pointText: (i) => this.text().pointLines(i),
    zoom: { enabled: () => this.zoom, setView: (domain) => { this.view = domain; } },
  });
  private model?: IsoflopModel;
  /** The model the hidden tables show: the chart's, a task later (see Lagging). */
  private readonly tableModel = new Lagging(this, () => this.model);
  private modelKey: unknown[] = [];
  private drawing?: IsoflopDrawing;
  private emitted?: SVGSVGElement;
  private announced?: IsoflopResult;

  constructor() {
    super(ISOFLOP);
    this.zoom = false;
    this.view = null;
  }

  /** The last analysis, or undefined (no data, loading, or an error). */
  get result(): IsoflopResult | undefined {
    return this.model?.result;
  }

  private text(): IsoflopText {
    return new IsoflopText(this.model!, this.i18n.t);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const t = this.i18n.t;
    this.source.sync();
    const runs = this.source.runs;
    const key = [runs, this.budgets, this.tolerance, this.minPoints, this.i18n.lang];
    if (changed.has('runs') || changed.has('src') || runs !== this.modelKey[0]) this.view = null;
    try {
      if (this.source.error) throw new Error(this.source.error);
      if (!runs) {
        this.model = this.drawing = undefined;
        this.error = this.source.loading ? null : t('isoNoData');
        return;
      }
      if (!this.model || key.some((k, i) => !Object.is(k, this.modelKey[i]))) {
        this.modelKey = key;
        this.model = undefined;
        this.model = buildIsoflopModel({ runs, budgets: this.budgets, tolerance: this.tolerance, minPoints: this.minPoints }, t, this.i18n.lang);
      }
      const text = this.text();
      this.drawing = drawIsoflop(this.model, {
        lossTitle: this.lossTitle(),
        width: chartWidth(this.size.width || this.clientWidth), t, ariaLabel: text.summary(), view: this.view,
        budgetLabel: (i) => text.budgetLabel(i), runLabel: (i) => text.pointLines(i).join(', '),
        optimumLabel: (i) => text.pointLines(this.model!.runs.N.length + i).join(', '), lawLines: text.lawLines(),
      });
      this.error = null;
    } catch (error) {
      this.model = this.drawing = undefined;
      this.modelKey = [];
      this.error = describeError(error, this.i18n.lang);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const d = this.drawing, m = this.model;
    if (d && m && d.svg !== this.emitted) {
      this.emitted = d.svg;
      this.emit('scaling-render', { width: Number(d.svg.getAttribute('width')), height: Number(d.svg.getAttribute('height')), series: m.budgets.length, points: d.runIndices.length });
    }
    if (m && m.result !== this.announced) {
      this.announced = m.result;
      this.announce('scaling-isoflop-done', 'isoflop', m.result);
    }
  }

  protected override exportText(format: TextFormat): string {
    if (!this.model) throw new Error(this.error ?? 'nothing to export');
    if (format === 'csv') return this.text().csv();
    if (format === 'json') return this.text().json();
    return super.exportText(format);
  }

  protected override render(): unknown {
    const t = this.i18n.t;
    const loading = this.source.loading && !this.error;
    return html`
      <div class="toolbar" part="toolbar">
        ${this.view ? html`<button type="button" part="reset-zoom" @click=${() => { this.view = null; }}>${t('resetZoom')}</button>` : nothing}
        ${this.drawing ? this.renderExportMenu() : nothing}
      </div>
      ${loading ? html`<p class="status" part="status" role="status">${t('fitLoading', { url: this.source.sourceText })}</p>` : nothing}
      ${this.renderError(this.notice)}
      ${this.renderError()}
      <figure class="figure" part="figure" ?hidden=${!this.drawing}>${this.plot.render(this.drawing?.svg ?? nothing, t('isoPlotHint'))}</figure>
      ${this.model && this.tableModel.value ? new IsoflopText(this.tableModel.value, this.i18n.t).tables() : nothing}`;
  }
}
