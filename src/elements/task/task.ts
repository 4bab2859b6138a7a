/** Defines <scaling-task>. The only side effect of this module. */

import { ScalingTask } from './task.component.js';

ScalingTask.define('scaling-task');

declare global {
  interface HTMLElementTagNameMap {
    'scaling-task': ScalingTask;
  }
}

export { ScalingTask };
