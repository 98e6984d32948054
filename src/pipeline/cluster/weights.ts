/** Fitted by `npm run fit:cluster` (test/eval/fit-cluster.ts) on NeuS train events; numbers only, no publishers' text. */
export const MODEL = {
  features: ['title_cosine', 'body_cosine', 'cross_cosine', 'body_cosine_sqrt', 'name_overlap', 'shared_rare_names', 'shared_rare_terms', 'shared_term_mass', 'shared_figures', 'figure_conflict', 'same_event_kind', 'event_kind_conflict'],
  weights: [0, 16, 3, 0, 2, 0, 0, 0, 3, -1, 0, -1],
  bias: -4,
  /** An item joins a story when its best pair and its mean pair with the story's members reach these probabilities. */
  joinMax: 0.5,
  joinMean: 0.3,
} as const;
