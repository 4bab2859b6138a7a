/** Defines <scaling-calculator>. The only side effect of this module. */

import { ScalingCalculator } from './calculator.component.js';

ScalingCalculator.define('scaling-calculator');

declare global {
  interface HTMLElementTagNameMap {
    'scaling-calculator': ScalingCalculator;
  }
}

export { ScalingCalculator };
