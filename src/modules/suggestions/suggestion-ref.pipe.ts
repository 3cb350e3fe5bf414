import { ReferencePipe } from '../../core/http/reference.pipe.js';
import { CommunitySuggestion } from './schemas/community-suggestion.schema.js';
import { SUGGESTION_NUMBER_PATTERN } from './suggestion-fields.js';

/** `{suggestionId}` in a path: the suggestion's id or its number (`SUG-000042`). */
export const SuggestionRefPipe = ReferencePipe(CommunitySuggestion.name, 'suggestionId', SUGGESTION_NUMBER_PATTERN);
