/** The path ../shared/DESIGN.md names for the offline writer; it lives in ../synthesize/writers/extractive.ts. */
export { composeArticle, EXTRACTIVE_PROVENANCE, extractiveWriter } from '../synthesize/writers/extractive';
