/**
 * Published scaling laws with where they come from: each preset of
 * ./preset-laws.ts (id, name and law or allocation rule) with its citation,
 * the units its quantities are counted in and notes on reading it
 * (docs/laws.md). The API and the CLI give these; the elements draw from
 * ./preset-laws.ts alone, so an element's file carries none of this prose.
 */

import { optionError } from '../i18n/error-words/names.js';
import { PRESET_LAWS, deepFreeze, type AllocationEntry, type LawEntry } from './preset-laws.js';

export { PF_DAY, allocationAt, type AllocationLaw, type AllocationPoint, type PowerLaw } from './preset-laws.js';

export interface Citation {
  authors: string;
  year: number;
  title: string;
  arxiv: string;
  /** Table, equation or figure the constants come from. */
  where: string;
}

/** What each quantity counts, in words (the conventions differ between papers: docs/laws.md, "Counting conventions"). */
export interface PresetUnits {
  loss?: string;
  N?: string;
  D?: string;
  C?: string;
  M?: string;
}

interface About {
  citation: Citation;
  notes: string;
  units: PresetUnits;
}

export interface LawPreset extends LawEntry, About {}
export interface AllocationPreset extends AllocationEntry, About {}
export type Preset = LawPreset | AllocationPreset;

const KAPLAN: Citation = {
  authors: 'Kaplan, McCandlish, Henighan, Brown, Chess, Child, Gray, Radford, Wu, Amodei', year: 2020,
  title: 'Scaling Laws for Neural Language Models', arxiv: '2001.08361', where: '',
};
const KAPLAN_UNITS: PresetUnits = {
  loss: 'nats/token, WebText2 test set, GPT-2 BPE (vocab 50,257), context 1024',
  N: 'non-embedding parameters', D: 'tokens (early-stopped, possibly repeated)',
  C: 'non-embedding training FLOPs (6NBS), converted from PF-days at 8.64e19 FLOPs each',
};
const HOFFMANN: Citation = {
  authors: 'Hoffmann, Borgeaud, Mensch, et al.', year: 2022,
  title: 'Training Compute-Optimal Large Language Models', arxiv: '2203.15556', where: '',
};
const CHINCHILLA_UNITS: PresetUnits = {
  loss: 'nats/token, MassiveText held-out set', N: 'parameters, embeddings included', D: 'training tokens',
  C: 'training FLOPs, ≈ 6ND',
};

/** Each preset's source, units and notes, by id. */
const ABOUT: Record<string, About> = {
  'kaplan2020-nd': {
    citation: { ...KAPLAN, where: 'Eq. 1.5 (4.1), Table 2' }, units: KAPLAN_UNITS,
    notes: 'Fitted on early-stopped runs with dropout, so C ≠ 6ND for this fit. Planning with C = 6ND gives N* ∝ C^0.575, not the paper\'s 0.73 (that comes from L(N, S) with the critical batch).',
  },
  'kaplan2020-n': {
    citation: { ...KAPLAN, where: 'Eq. 1.1' }, units: KAPLAN_UNITS,
    notes: 'Converged models trained on enough data that D is not the bottleneck.',
  },
  'kaplan2020-d': {
    citation: { ...KAPLAN, where: 'Eq. 1.2' }, units: KAPLAN_UNITS,
    notes: 'Large models trained with early stopping on D tokens.',
  },
  'kaplan2020-cmin': {
    citation: { ...KAPLAN, where: 'Eq. 1.3' }, units: KAPLAN_UNITS,
    notes: 'Compute-efficient frontier; C_c^min = 3.1e8 PF-days = 2.6784e28 FLOPs (the Fig. 1 fit label reportedly shows 2.3e8; unverified). C_min = C/(1 + B/B_crit) is the least compute that reaches the loss (batch well below critical), not the C = 6ND of a given run.',
  },
  'hoffmann2022-rounded': {
    citation: { ...HOFFMANN, where: '§3.3 (Approach 3), constants as printed' }, units: CHINCHILLA_UNITS,
    notes: 'Rounded in the text; β 0.28 vs 0.2849 biases predictions (13% of the data term at 1e11 tokens). Prefer hoffmann2022 for numbers.',
  },
  'hoffmann2022': {
    citation: { ...HOFFMANN, where: '§3.3 (Approach 3): log A = 6.0073404, log B = 6.0179186, log E = 0.5267228 from the TeX source, as read by Besiroglu et al. 2024' },
    units: CHINCHILLA_UNITS,
    notes: 'E = 1.6934. Besiroglu et al. 2024 find this fit did not converge (averaged Huber terms); at Gopher\'s 5.76e23 FLOPs it implies ≈ 59 tokens per parameter, against ≈ 20 from Approaches 1–2 and Chinchilla itself.',
  },
  'besiroglu2024': {
    citation: {
      authors: 'Besiroglu, Erdil, Barnett, You', year: 2024, title: 'Chinchilla Scaling: A replication attempt', arxiv: '2404.10102',
      where: 'Headline estimate (Huber likelihood): log A, B, E = 6.17796, 7.64273, 0.59711 from the analyzing-chinchilla notebook',
    },
    units: CHINCHILLA_UNITS,
    notes: 'A = 482.01, B = 2085.43, E = 1.8169 (the paper prints 1.8172), α = 0.3478, β = 0.3658; fitted to 240 points digitised from Hoffmann Fig. 4. Bootstrap 95% CIs: A (285, 744), B (1042, 5810), E (1.769, 1.871), α (0.317, 0.373), β (0.331, 0.415).',
  },
  'deepseek2024': {
    citation: {
      authors: 'DeepSeek-AI (Bi, Chen, Chen, et al.)', year: 2024, title: 'DeepSeek LLM: Scaling Open-Source Language Models with Longtermism',
      arxiv: '2401.02954', where: 'Eq. 4',
    },
    units: { M: 'non-embedding FLOPs per token, 72·n_layer·d_model² + 12·n_layer·d_model·l_seq', D: 'training tokens', C: 'FLOPs, C = M·D', loss: 'bits per byte (not modelled here)' },
    notes: 'An allocation rule from IsoFLOP minima (1e17–3e20 FLOPs), not a loss law. M includes attention and excludes embeddings, so N ≈ M/6 only roughly; pass flopsPerToken to planning to use M-style accounting.',
  },
  'llama3-2024': {
    citation: {
      authors: 'Llama Team, AI @ Meta (Dubey et al.)', year: 2024, title: 'The Llama 3 Herd of Models', arxiv: '2407.21783',
      where: '§3.2.1, Fig. 3 label (α = 0.537, A = 0.299; the text rounds to 0.53, 0.29)',
    },
    units: { D: 'training tokens', N: 'parameters, N* = C/(6·D*)', C: 'training FLOPs' },
    notes: 'The paper\'s "N*(C)" is the number of training TOKENS; parameters follow from C = 6ND. The paper extrapolates 3.8e25 FLOPs to 402B parameters on 16.55T tokens; 0.299·C^0.537 gives 16.3T tokens and 389B parameters.',
  },
  'muennighoff2023': {
    citation: {
      authors: 'Muennighoff, Rush, Barak, Le Scao, Piktus, Tazi, Pyysalo, Wolf, Raffel', year: 2023,
      title: 'Scaling Data-Constrained Language Models', arxiv: '2305.16264',
      where: '§3 (data-constrained law); a, b, e, α = β, R_D*, R_N* from the datablations README',
    },
    units: { loss: 'nats/token, C4 validation, GPT-2 tokenizer', N: 'parameters', D: 'training tokens', C: 'training FLOPs, 6ND' },
    notes: 'Needs U, the unique tokens. E = 1.8691, A = 520.82, B = 1487.7 (the paper rounds to 520.9, 1488.3). Repeated tokens lose value with e-folding R_D* ≈ 15.4 repetitions; excess parameters faster (R_N* ≈ 5.3).',
  },
};

/** Every preset, in the order of ./preset-laws.ts, frozen. */
export const PRESETS: readonly Preset[] = /* @__PURE__ */ deepFreeze(PRESET_LAWS.map((p) => ({ ...p, ...ABOUT[p.id] })));

export const PRESET_IDS: readonly string[] = /* @__PURE__ */ PRESET_LAWS.map((p) => p.id);

/** The preset with this id; an OptionError names the unknown id and lists the known ones. */
export function preset(id: string): Preset {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw optionError('preset', 'unknown-preset', { got: String(id), ids: PRESET_IDS.join(', ') });
  return found;
}
