/**
 * Calculation: what <scaling-calculator> last computed from valid inputs —
 * the scenario read from its attributes and form, the law columns
 * (law-sources.ts) and the table (model.ts `calculate`) — with the two keys
 * that say what changed: `sourcesKey`, the columns (the chart redraws for
 * them), and `signature`, columns and scenario (the element tells the page
 * of each new one). Apart from the element so that its update only asks for
 * a calculation and shows it.
 */

import type { Law } from '../../core/forms-eval.js';
import type { CalculatorTranslate, Lang } from '../../i18n/index.js';
import { calculate, readScenario, type CalcInputs, type CalcResult, type LawSource, type Scenario } from './model.js';
import { scenarioFields } from './hash.js';
import { LawSources } from './law-sources.js';

export class Calculation {
  /** The table, or undefined when the last inputs were invalid. */
  calc?: CalcResult;
  /** The law columns of the last valid inputs. */
  sources: LawSource[] = [];
  /** The last valid scenario. */
  shown?: Scenario;
  sourcesKey = '';
  signature = '';
  private readonly lawSources = new LawSources();

  /**
   * Computes the table for `inputs`, with `fit` (the law of the element whose
   * id is `forId`) as the first column. Throws when an input is invalid,
   * leaving everything as it was.
   */
  run(inputs: CalcInputs, fit: Law | undefined, forId: string | undefined, t: CalculatorTranslate, lang: Lang): void {
    const scenario = readScenario(inputs, t);
    const sources = this.lawSources.list(scenario, fit, forId, t);
    this.calc = calculate(scenario, sources, t, lang);
    this.sources = sources;
    this.shown = scenario;
    this.sourcesKey = this.lawSources.key(sources, fit);
    this.signature = `${scenarioFields(scenario)}|${this.sourcesKey}`;
  }
}
