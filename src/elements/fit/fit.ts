/** Defines <scaling-fit>. The only side effect of this module. */

import { ScalingFit } from './fit.component.js';

ScalingFit.define('scaling-fit');

declare global {
  interface HTMLElementTagNameMap {
    'scaling-fit': ScalingFit;
  }
}

export { ScalingFit };
