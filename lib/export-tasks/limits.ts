// Plain numbers the wizard's UI needs at once; the schema that enforces them (create-schema) loads lazily.
export const DEFAULT_PREFIX = 'exportedlogs';
export const MAX_LOG_GROUPS = 50;
/** A year of daily chunks for a few groups; more belongs in several batches. */
export const MAX_EXPORTS = 2000;
