/**
 * The twelve lab tools a run belongs to, named after the lab's models: dataset analysis, image
 * generation, emotion analysis, future prediction, music generation, personality tests, creative
 * writing, smart assistants, virtual reality, language learning, neural art and dream analysis.
 */
export const EXPERIMENT_TYPES = [
  'dataset-analysis',
  'image-generation',
  'emotion-analysis',
  'future-prediction',
  'music-generator',
  'personality-test',
  'creative-writing',
  'smart-assistant',
  'virtual-reality',
  'language-learning',
  'neural-art',
  'dream-analysis',
] as const;
export type ExperimentType = (typeof EXPERIMENT_TYPES)[number];

/** Client- or server-generated run ids: URL-safe, long enough to be unguessable when random. */
export const EXPERIMENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Serialized sizes of a run's input and inline output; a larger output is stored elsewhere and referenced. */
export const MAX_INPUT_BYTES = 16 * 1024;
export const MAX_OUTPUT_BYTES = 64 * 1024;
