/**
 * Fitted by `npm run fit:cluster` (test/eval/fit-cluster.ts) on 1961 NeuS train events (the held-out
 * fifth left out): 43741 labelled pairs. Numbers and feature names only; no publishers' text.
 */
export const MODEL = {
  features: ["title_cosine","body_cosine","cross_cosine","body_cosine_sqrt","name_overlap","shared_rare_names","shared_rare_terms","shared_term_mass","shared_figures","figure_conflict","same_event_kind","event_kind_conflict","headline_outsider_one","headline_outsider_both","headline_figure_conflict"],
  weights: [0.067,4.446,3.265,3.106,0.242,-0.229,0.917,1.332,2.984,-0.75,0.08,-0.656,-0.377,-1.223,-1.14],
  bias: -5.197,
  /** An item joins a story when its best pair and its mean pair with the story's members reach these probabilities. */
  joinMax: 0.4,
  joinMean: 0.4,
} as const;
