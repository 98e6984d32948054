/** The synthesize stage's front door (../shared/DESIGN.md): writing one article from a story's sources. The stage lives in ./synthesize/. */
export { extractJson, reviseStory, synthesizeStory, validateOutput, writeStory, type Synthesis, type SynthesisOptions } from './synthesize/write-story';
export { SynthesisError, TruncatedOutputError, type SynthesisErrorCode } from './synthesize/synthesis-error';
export { chooseWriter, EXTRACTIVE_PROVENANCE, extractiveWriter, openAiCompatibleWriter, workersAiWriter } from './synthesize/writers';
