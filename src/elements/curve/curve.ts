/** Defines <scaling-curve>. The only side effect of this module. */

import { ScalingCurve } from './curve.component.js';

ScalingCurve.define('scaling-curve');

declare global {
  interface HTMLElementTagNameMap {
    'scaling-curve': ScalingCurve;
  }
}

export { ScalingCurve };
