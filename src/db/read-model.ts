/** The reader side's read model: plain view models from D1 rows (one import for routes). */
export * from './queries/articles';
export * from './queries/search';
export * from './queries/site';
export type * from './queries/views';
