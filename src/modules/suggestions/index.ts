/** The public surface of suggestions: the module, its services' types and the events it publishes. */
export { SuggestionsModule } from './suggestions.module.js';
