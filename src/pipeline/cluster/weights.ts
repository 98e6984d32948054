/**
 * Fitted by `npm run fit:cluster` (test/eval/fit-cluster.ts) on 1961 NeuS train events (the held-out
 * fifth left out): 54448 labelled pairs. Numbers and feature names only; no publishers' text.
 */
export const MODEL = {
  features: ["title_cosine","body_cosine","cross_cosine","body_cosine_sqrt","name_overlap","shared_rare_names","shared_rare_terms","shared_term_mass","shared_figures","figure_conflict","same_event_kind","event_kind_conflict","headline_outsider_one","headline_outsider_both","headline_figure_conflict"],
  weights: [-0.048,7.424,2.262,3.641,0.883,-1.675,1.414,0.396,2.931,-0.916,-0.134,-0.638,-0.334,-1.096,-1.079],
  bias: -5.327,
  /** An item joins a story when its best pair and its mean pair with the story's members reach these probabilities. */
  joinMax: 0.4,
  joinMean: 0.4,
} as const;
