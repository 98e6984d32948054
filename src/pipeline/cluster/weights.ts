/**
 * Fitted by `npm run fit:cluster` (test/eval/fit-cluster.ts) on 1961 NeuS train events (the held-out
 * fifth left out): 53778 labelled pairs. Numbers and feature names only; no publishers' text.
 */
export const MODEL = {
  features: ["title_cosine","body_cosine","cross_cosine","body_cosine_sqrt","name_overlap","shared_rare_names","shared_rare_terms","shared_term_mass","shared_figures","figure_conflict","same_event_kind","event_kind_conflict","headline_outsider_one","headline_outsider_both","headline_figure_conflict","headline_unshared"],
  weights: [-1.496,6.527,2.491,3.108,0.576,-1.427,1.232,0.505,2.937,-0.898,-0.141,-0.637,-0.318,-1.078,-1.116,-2.613],
  bias: -2.645,
  /** An item joins a story when its best pair and its mean pair with the story's members reach these probabilities. */
  joinMax: 0.4,
  joinMean: 0.4,
} as const;
