/** @pushstream/normalizer — see README. */
export {};
