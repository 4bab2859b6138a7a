/**
 * English messages for the elements: the reference table. Every other
 * language is typed against `Messages` (derived from this object), so a
 * missing or extra key is a compile error. `{name}` marks a placeholder that
 * `format()` fills in as plain text.
 */

export const en = {
  // Axis titles and quantity names.
  axisN: 'Parameters N',
  axisD: 'Training tokens D',
  axisC: 'Training compute C (FLOPs)',
  axisLoss: 'Loss',
  quantityN: 'parameters N',
  quantityD: 'training tokens D',
  quantityC: 'training compute C',
  unitFlops: 'FLOPs',

  // How the other variable is held along a curve.
  holdRatio: 'D = {r}·N ({r} tokens per parameter)',
  holdFixedD: 'D fixed at {D}',
  holdFixedN: 'N fixed at {N}',
  holdOptimal: 'compute-optimal N and D',
  holdNone: 'no other variable held',

  // Legend, tooltip and table.
  legendRuns: 'Training runs',
  loss: 'Loss',
  tableCaption: 'Predicted loss by {x}',
  tableRunsCaption: 'Training runs ({n})',
  plotHint: 'Arrow keys move along the curves; Home and End jump to the ends.',

  // Accessible summary.
  summaryCurve: 'Line chart of loss against {x}, from {from} to {to}, with {hold}. {laws}',
  summaryLaw: '{label}: {law}.',
  summaryRuns: '{n} training runs are shown as points.',

  // Toolbar.
  exportMenu: 'Export',
  exportSvg: 'SVG image',
  exportPng: 'PNG image',
  exportCsv: 'CSV (predictions)',
  exportJson: 'JSON (parameters)',
  exportPython: 'Python function',
  exportLatex: 'LaTeX equation',
  resetZoom: 'Reset zoom',

  // Errors, in plain words.
  errorTitle: 'This chart cannot be drawn.',
  errUnknownPreset: 'Unknown preset "{id}". Known presets: {list}.',
  errAllocationPreset: 'Preset "{id}" is a rule for splitting compute, not a loss law, so it has no curve to draw.',
  errLawJson: 'The law attribute is not valid JSON: {detail}',
  errLawShape: 'The law attribute must be an object like {"form": "chinchilla", "params": {…}} or a list of them.',
  errBadNumber: 'The {attr} attribute must be a positive number; got "{value}".',
  errBadChoice: 'The {attr} attribute must be one of {list}; got "{value}".',
  errNoLaw: 'Nothing to draw: give a preset or a law.',
  errHoldConflict: 'Give only one of {list}.',
  errHoldAxis: 'The {attr} attribute cannot be used when x is {x}.',
  errRange: '"from" must be less than "to"; got {from} and {to}.',
  errData: 'The data could not be read: {detail}',
  errLaw: 'The law "{label}" cannot be drawn: {detail}',
  errExport: 'Export failed: {detail}',
};

/** The message table every language provides, key for key. */
export type Messages = { readonly [K in keyof typeof en]: string };
export type MessageKey = keyof Messages;
