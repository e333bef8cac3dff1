/** @pushstream/sessionizer — see README. */
export {};
