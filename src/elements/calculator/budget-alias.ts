/**
 * `budget` and its old name `flops` on <scaling-calculator>: `budget` is the
 * name every element uses, and `flops` is still read until the next release.
 * Both properties hold the same value: the one that changed is copied to the
 * other (`budget` wins when both are given), and a page that still writes
 * only the `flops` attribute gets one warning for its author. Apart from the
 * element so that retiring the old name is deleting this file and its call.
 */

import type { PropertyValues } from 'lit';
import { DEV } from '../dev.js';

export interface BudgetAliasHost extends HTMLElement {
  budget: number | string | undefined;
  flops: number | string | undefined;
}

/** Call first in `willUpdate`; `warn` is the element's warning for the page's author. */
export function syncBudgetAlias(el: BudgetAliasHost, changed: PropertyValues, warn: (code: string, message: string) => void): void {
  if (changed.has('budget') && el.budget !== undefined && el.budget !== el.flops) el.flops = el.budget;
  else if (changed.has('flops') && el.hasAttribute('flops') && !el.hasAttribute('budget') && DEV) warn('flops-attribute', 'the flops attribute is now called budget; flops is read until the next release');
  if (changed.has('flops') && el.budget !== el.flops && !(changed.has('budget') && el.budget !== undefined)) el.budget = el.flops;
}
