/** @pushstream/cli — see README "Operator CLI". */
export {};
