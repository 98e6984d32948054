/**
 * Fitted by `npm run fit:cluster` (test/eval/fit-cluster.ts) on 1961 NeuS train events (the held-out
 * fifth left out): 53785 labelled pairs. Numbers and feature names only; no publishers' text.
 */
export const MODEL = {
  features: ["title_cosine","body_cosine","cross_cosine","body_cosine_sqrt","name_overlap","shared_rare_names","shared_rare_terms","shared_term_mass","shared_figures","figure_conflict","same_event_kind","event_kind_conflict","headline_outsider_one","headline_outsider_both","headline_figure_conflict","headline_unshared","weekday_conflict","headline_outsider_one_shared","headline_outsider_both_shared"],
  weights: [-1.5,6.525,2.497,3.104,0.57,-1.425,1.232,0.506,2.946,-0.894,-0.142,-0.635,-0.317,-1.077,-1.118,-2.622,-1.971,0.086,0.457],
  bias: -2.637,
  /** An item joins a story when its best pair and its mean pair with the story's members reach these probabilities. */
  joinMax: 0.4,
  joinMean: 0.4,
} as const;
