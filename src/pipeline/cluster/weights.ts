/**
 * Fitted by `npm run fit:cluster` (test/eval/fit-cluster.ts) on 1961 NeuS train events (the held-out
 * fifth left out): 53713 labelled pairs. Numbers and feature names only; no publishers' text.
 */
export const MODEL = {
  features: ["title_cosine","body_cosine","cross_cosine","body_cosine_sqrt","name_overlap","shared_rare_names","shared_rare_terms","shared_term_mass","shared_figures","figure_conflict","same_event_kind","event_kind_conflict","headline_outsider_one","headline_outsider_both","headline_figure_conflict","headline_unshared","weekday_conflict","headline_outsider_one_shared","headline_outsider_both_shared"],
  weights: [-1.484,6.371,2.498,3.084,0.427,-1.286,1.175,0.526,2.98,-0.865,-0.149,-0.648,-0.305,-1.103,-1.078,-2.7,-1.972,0.083,0.453],
  bias: -2.52,
  /** An item joins a story when its best pair and its mean pair with the story's members reach these probabilities. */
  joinMax: 0.4,
  joinMean: 0.4,
} as const;
