/** @pushstream/sink — see README. */
export {};
