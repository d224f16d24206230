/**
 * How long Boussole keeps what it keeps, in one place: the privacy page says these figures, the cleanup
 * command (`npm run db:cleanup`) and the sessions apply them.
 */

/** A quiz taken without an account (answers and result) is deleted this long after its last change. */
export const ANONYMOUS_RETENTION_DAYS = 60;
