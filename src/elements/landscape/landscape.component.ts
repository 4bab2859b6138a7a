/**
 * <scaling-landscape>: the loss L(N, D) of a law as a filled contour map over
 * parameters and tokens, with iso-FLOP lines C = 6ND, the compute-optimal
 * frontier and named models placed on it — the picture behind "bigger is not
 * always better": at Gopher's compute, Chinchilla's smaller model trained on
 * more tokens sits nearer the frontier and reaches a lower loss. A thin shell:
 * attributes → model.ts (grid, contours, frontier from the core) → draw.ts
 * (detached SVG) → this element (tooltip anywhere, keyboard, exports, summary).
 *
 * @summary Loss landscape of a scaling law over N and D, with iso-FLOP lines and models.
 *
 * @attr law - A preset id (default "besiroglu2024") or a law as JSON: {"form":"chinchilla","params":{…},"label":"My fit"}.
 * @attr models - JSON list of up to 1000 models to place: [{"name":"Chinchilla","N":7e10,"D":1.4e12}]. Default Gopher (280B, 300B) and Chinchilla (70B, 1.4T). Names are shown as text.
 * @attr n-range - Parameters shown, low and high: "1e8, 1e13" (default), SI suffixes allowed ("100M, 10T"); at most 40 decades.
 * @attr d-range - Tokens shown, low and high: "1e9, 1e14" (default); at most 40 decades, and 6·N·D must stay a finite, nonzero number.
 * @attr height - Chart height in pixels, clamped to 180…4000; default from the width.
 * @attr theme - "auto" (default), "light" or "dark".
 * @attr lang - "en" or "zh"; default from the nearest lang attribute.
 * @attr filename - Download file name without extension (default "scaling-landscape").
 *
 * @prop law - A `Law` object (plus optional label) or the attribute's text.
 * @prop models - An array of { name, N, D } or the attribute's JSON text.
 * @prop timings - Milliseconds of the last grid evaluation and contour computation (read-only).
 *
 * @fires {CustomEvent<RenderDetail>} scaling-render - After each redraw; detail { width, height, series (bands), points (models) }.
 * @fires {CustomEvent<ErrorDetail>} scaling-error - When an error is shown; detail { message }.
 * @fires {CustomEvent<ErrorDetail>} scaling-notice - When a notice is shown above the chart; detail { message }.
 * @fires {CustomEvent<ExportDetail>} scaling-export - Before a download (cancelable); detail { format, filename, blob }.
 *
 * @csspart toolbar - The row above the chart.
 * @csspart export - The export menu (also export-button, export-menu, export-item).
 * @csspart figure - Wraps the chart.
 * @csspart plot - The focusable map area.
 * @csspart svg - The chart <svg>.
 * @csspart bands - The filled loss contours.
 * @csspart iso-flops - The iso-FLOP lines and their labels.
 * @csspart frontier - The compute-optimal frontier.
 * @csspart models - The model markers and names.
 * @csspart colour-bar - The loss colour bar.
 * @csspart axis - The axes (also axis-x, axis-y).
 * @csspart legend - The legend of marks.
 * @csspart cursor - The hover/keyboard crosshair.
 * @csspart tooltip - The tooltip.
 * @csspart table - The visually hidden data tables.
 * @csspart error - The error box.
 *
 * @cssprop --scaling-level-0 - Colour of the lowest-loss band (… --scaling-level-15, highest).
 * @cssprop --scaling-frontier - The frontier's colour (default --scaling-series-4).
 * @cssprop --scaling-accent - Model markers.
 * @cssprop --scaling-fg - Text, iso-FLOP lines, the crosshair.
 * @cssprop --scaling-bg - Background, label halos (also painted into exports).
 * @cssprop --scaling-muted - Axis lines and secondary text.
 * @cssprop --scaling-focus - Focus rings.
 * @cssprop --scaling-danger - Error box accent.
 * @cssprop --scaling-surface - Tooltip and menu background.
 * @cssprop --scaling-font - Font family (also --scaling-font-size).
 */

import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Law } from '../../core/forms-eval.js';
import { describeError } from '../../i18n/errors.js';
import { ScalingElement, type ExportFormat, type TextFormat } from '../base.js';
import { LANDSCAPE, type LandscapeKey } from '../../i18n/landscape.js';
import { sharedStyles } from '../shared-styles.js';
import { chartWidth, heightAttr, rawAttribute } from '../attributes.js';
import { ResizeController } from '../controllers/resize.js';
import { Prepared } from '../controllers/prepared.js';
import { buildLandscapeModel, type LandscapeModel, type ModelInput } from './model.js';
import { crosshair, drawLandscape, type LandscapeDrawing } from './draw.js';
import { MapController } from './map-controller.js';
import { LandscapeText } from './text.js';
import { landscapeStyles } from './landscape.styles.js';

export class ScalingLandscape extends ScalingElement<LandscapeKey> {
  static override styles = [...sharedStyles, landscapeStyles];

  // Declared without decorators (see ScalingElement).
  static override properties: PropertyDeclarations = {
    law: { converter: rawAttribute }, models: { converter: rawAttribute },
    nRange: { attribute: 'n-range', converter: rawAttribute },
    dRange: { attribute: 'd-range', converter: rawAttribute },
    height: { converter: rawAttribute },
  };

  declare law: string | (Law & { label?: string }) | undefined;
  declare models: string | readonly ModelInput[] | undefined;
  declare nRange: string | readonly [number, number] | undefined;
  declare dRange: string | readonly [number, number] | undefined;
  declare height: string | number | undefined;

  protected override exportFormats: readonly ExportFormat[] = ['svg', 'png', 'csv', 'json'];
  protected override exportLabels = { csv: 'landExportCsv', json: 'landExportJson' } as const;

  private readonly size = new ResizeController(this);
  private readonly map = new MapController(this, {
    drawing: () => this.drawing,
    pointLines: (N, D) => this.text().pointLines(N, D),
    markerLines: (i) => this.text().modelLines(i),
    crosshair: (at) => this.drawCrosshair(at),
  });
  private model?: LandscapeModel;
  private modelKey: unknown[] = [];
  private drawing?: LandscapeDrawing;
  private readonly preparedDrawing = new Prepared<LandscapeDrawing>();
  private emitted?: SVGSVGElement;

  constructor() {
    super(LANDSCAPE);
  }

  /** Milliseconds of the last grid evaluation and contour computation, or undefined. */
  get timings(): { grid: number; contours: number } | undefined {
    return this.model?.timings;
  }

  private text(): LandscapeText {
    return new LandscapeText(this.model!, this.i18n.t);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    try {
      const m = this.ensureModel();
      this.drawing = this.preparedDrawing.take(this.drawingKey(m), () => this.buildDrawing(m));
      this.error = null;
    } catch (error) {
      this.model = this.drawing = undefined;
      this.modelKey = [];
      this.error = describeError(error, this.i18n.lang);
    }
  }

  /** The first render in three tasks: the model (the loss grid and its contours), the drawing, then the update. */
  protected override firstRenderSteps(): readonly (() => void)[] {
    return [
      () => this.ensureModel(),
      () => {
        const m = this.ensureModel();
        this.preparedDrawing.hold(this.drawingKey(m), this.buildDrawing(m));
      },
    ];
  }

  /** The model for the current inputs: kept while they are unchanged (it is the costly part). */
  private ensureModel(): LandscapeModel {
    const key = [this.law, this.models, this.nRange, this.dRange, this.i18n.lang];
    if (!this.model || key.some((k, i) => !Object.is(k, this.modelKey[i]))) {
      this.model = undefined;
      this.modelKey = key;
      this.model = buildLandscapeModel({ law: this.law, models: this.models, nRange: this.nRange, dRange: this.dRange }, this.i18n.t, this.i18n.lang);
    }
    return this.model;
  }

  private drawingKey(m: LandscapeModel): unknown[] {
    return [m, this.size.width || this.clientWidth, this.height, this.i18n.lang];
  }

  private buildDrawing(m: LandscapeModel): LandscapeDrawing {
    const text = new LandscapeText(m, this.i18n.t);
    return drawLandscape(m, {
      width: chartWidth(this.size.width || this.clientWidth), height: heightAttr(this.height),
      t: this.i18n.t, ariaLabel: text.summary(), modelLabel: (i) => text.modelLabel(i),
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const d = this.drawing, m = this.model;
    if (d && m && d.svg !== this.emitted) {
      this.emitted = d.svg;
      this.emit('scaling-render', { width: d.frame.width, height: d.frame.height, series: m.bands.length, points: d.markers.length });
    }
  }

  private drawCrosshair(at: { x: number; y: number } | undefined): void {
    const d = this.drawing, m = this.model;
    d?.svg.querySelector('.cursor')?.remove();
    if (!d || !m || !at) return;
    const models = d.svg.querySelector('.models');
    d.svg.insertBefore(crosshair(d, at.x, at.y, m.nRange, m.dRange), models);
  }

  protected override exportText(format: TextFormat): string {
    if (!this.model) throw new Error(this.error ?? 'nothing to export');
    if (format === 'csv') return this.text().csv();
    if (format === 'json') return this.text().json();
    return super.exportText(format);
  }

  protected override render(): unknown {
    const t = this.i18n.t;
    return html`
      <div class="toolbar" part="toolbar">${this.drawing ? this.renderExportMenu() : nothing}</div>
      ${this.renderError(this.notice)}
      ${this.renderError()}
      <figure class="figure" part="figure" ?hidden=${!this.drawing}>${this.map.render(this.drawing?.svg ?? nothing, t('landPlotHint'))}</figure>
      ${this.model ? this.text().tables() : nothing}`;
  }
}
