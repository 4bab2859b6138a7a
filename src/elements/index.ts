/**
 * The element classes and their shared pieces, without registering any tag
 * (import src/define.ts, or an element's own `x.ts`, for that).
 */

// The message tables: an element built on ScalingElement passes the shared table (COMMON,
// joined with its own) to the constructor. Listed first, so the single-file bundle keeps all
// text together, which gzip packs better than text spread between code (1.6 KB).
export { COMMON } from '../i18n/common.js';
export { CURVE } from '../i18n/curve.js';
export { FIT } from '../i18n/fit.js';
export { ISOFLOP } from '../i18n/isoflop.js';
export { LANDSCAPE } from '../i18n/landscape.js';
export { CALCULATOR } from '../i18n/calculator.js';
export { TASK } from '../i18n/task.js';
export { joinTables, translator, type Lang, type Tables, type Translate } from '../i18n/tables.js';
export { ScalingElement, EXPORT_FILES, messageOf } from './base.js';
export type { Theme, ExportFormat, TextFormat, RenderDetail, ErrorDetail, ExportDetail, ScalingEventMap } from './base.js';
export { AttributeError, parseQuantity } from './attributes.js';
export { ResizeController } from './controllers/resize.js';
export { LangController } from './controllers/lang.js';
export { sharedStyles } from './shared-styles.js';
export { ScalingCurve } from './curve/curve.component.js';
export type { LawInput } from './curve/model.js';
export { ScalingTask } from './task/task.component.js';
export type { TaskResult } from './task/task.component.js';
