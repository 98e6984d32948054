/**
 * Fitted by `npm run fit:cluster` (test/eval/fit-cluster.ts) on 1961 NeuS train events (the held-out
 * fifth left out): 53713 labelled pairs. Numbers and feature names only; no publishers' text.
 */
export const MODEL = {
  features: ["title_cosine","body_cosine","cross_cosine","body_cosine_sqrt","name_overlap","shared_rare_names","shared_rare_terms","shared_term_mass","shared_figures","figure_conflict","same_event_kind","event_kind_conflict","headline_outsider_one","headline_outsider_both","headline_figure_conflict","headline_unshared","weekday_conflict","headline_outsider_one_shared","headline_outsider_both_shared","shared_unique_words"],
  weights: [-1.233,4.166,2.494,3.537,0.539,-1.436,0.975,0.709,2.977,-0.857,-0.044,-0.61,-0.349,-1.177,-1.306,-3.138,-1.935,0.079,0.458,2.051],
  bias: -2.177,
  /** An item joins a story when its best pair and its mean pair with the story's members reach these probabilities. */
  joinMax: 0.35,
  joinMean: 0.3,
} as const;
