/**
 * Fitted by `npm run fit:cluster` (test/eval/fit-cluster.ts) on 1961 NeuS train events (the held-out
 * fifth left out): 53713 labelled pairs. Numbers and feature names only; no publishers' text.
 */
export const MODEL = {
  features: ["title_cosine","body_cosine","cross_cosine","body_cosine_sqrt","name_overlap","shared_rare_names","shared_rare_terms","shared_term_mass","shared_figures","figure_conflict","same_event_kind","event_kind_conflict","headline_outsider_one","headline_outsider_both","headline_figure_conflict","headline_unshared","weekday_conflict","headline_outsider_one_shared","headline_outsider_both_shared","shared_unique_words"],
  weights: [-1.239,4.151,2.466,3.576,0.533,-1.428,0.969,0.701,2.968,-0.787,-0.046,-0.629,-0.346,-1.175,-1.109,-3.153,-1.944,0.081,0.456,2.054],
  bias: -2.168,
  /** An item joins a story when its best pair and its mean pair with the story's members reach these probabilities. */
  joinMax: 0.35,
  joinMean: 0.3,
} as const;
