/**
 * LawSources: the laws <scaling-calculator> compares, one column each — the
 * law of the `<scaling-fit>` its `for` names first, then the presets its
 * `laws` attribute lists — and a key that changes whenever the columns do.
 * A refit brings a new law object under the same column name, so each fitted
 * law is numbered here (held weakly) and the key carries its number. Apart
 * from the element because turning those two inputs into columns, and
 * noticing when they change, is a question of its own.
 */

import type { Law } from '../../core/forms-eval.js';
import { isolate } from '../../chart/isolate.js';
import type { CalculatorTranslate } from '../../i18n/index.js';
import { AttributeError } from '../attributes.js';
import { presetSources, type LawSource, type Scenario } from './model.js';

export class LawSources {
  private readonly fitIds = new WeakMap<Law, number>();
  private fits = 0;

  /** The columns: `fit` (the law of the element whose id is `forId`), then the scenario's presets; throws when there is none. */
  list(scenario: Scenario, fit: Law | undefined, forId: string | undefined, t: CalculatorTranslate): LawSource[] {
    const sources: LawSource[] = [
      ...(fit ? [{ key: 'fit', label: t('calcFitLabel'), ref: isolate(forId ?? ''), short: t('calcFitShort'), kind: 'fit' as const, law: fit }] : []),
      ...presetSources(scenario.laws, t),
    ];
    if (sources.length === 0) throw new AttributeError('laws', t('errCalcNoLaw'));
    return sources;
  }

  /** A key that changes when the columns do, a new fitted law among them. */
  key(sources: readonly LawSource[], fit: Law | undefined): string {
    return `${sources.map((s) => s.key).join()}|${fit ? this.fitId(fit) : 0}`;
  }

  private fitId(law: Law): number {
    if (!this.fitIds.has(law)) this.fitIds.set(law, ++this.fits);
    return this.fitIds.get(law)!;
  }
}
