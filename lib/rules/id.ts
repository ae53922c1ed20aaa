/** A rule's id as Logport makes it (32 lowercase hex digits): anything else names no rule. */
export const RULE_ID = /^[0-9a-f]{32}$/;
