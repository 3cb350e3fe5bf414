/** The board's ten categories, as the feedback form offers them. */
export const SUGGESTION_CATEGORIES = [
  'feature-request',
  'improvement',
  'bug-report',
  'integration',
  'ui-ux',
  'performance',
  'ai-agents',
  'documentation',
  'pricing',
  'other',
] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];

/** What a vote request asks for; `none` withdraws the caller's vote. */
export const VOTE_CHOICES = ['up', 'down', 'none'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
/** What a stored vote holds: a withdrawn vote is no document at all. */
export type VoteDirection = Exclude<VoteChoice, 'none'>;

export const BOARD_SORTS = ['score', 'new', 'top', 'trending'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export const MAX_TITLE_LENGTH = 160;
export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_TAGS = 8;
export const MAX_TAG_LENGTH = 32;
export const MAX_COMMENT_LENGTH = 2000;
export const MAX_REASON_LENGTH = 500;
export const MAX_URL_LENGTH = 2048;
/** Tags are lowercase words joined by dashes, so the same tag is spelled one way on every suggestion. */
export const TAG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `SUG-000123`, from the board's counter. */
export const SUGGESTION_COUNTER = 'communitysuggestions';
/** A suggestion's number as a path may give it instead of its id. */
export const SUGGESTION_NUMBER_PATTERN = 'SUG-[0-9]{6,12}';
export const formatSuggestionNumber = (value: number): string => `SUG-${String(value).padStart(6, '0')}`;

/** What a vote changes on the counters, from what the caller's vote was before to what it is now. */
export function voteDelta(before: VoteDirection | undefined, after: VoteDirection | undefined): { up: number; down: number } {
  const count = (direction: VoteDirection | undefined, side: VoteDirection) => (direction === side ? 1 : 0);
  return { up: count(after, 'up') - count(before, 'up'), down: count(after, 'down') - count(before, 'down') };
}
