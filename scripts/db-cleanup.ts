// `npm run db:cleanup`: deletes what has expired — sessions past their end, throttles whose window and lock are
// over. Run it from cron or a systemd timer (docs/deploy.md); app processes never do it at start.
import { connect } from '../src/lib/server/db/client';
import { deleteExpiredSessions } from '../src/lib/server/db/repositories/sessions';
import { deleteStaleThrottles } from '../src/lib/server/db/repositories/throttles';

/** A throttle window is at most an hour; a day later nothing in the row matters any more. */
const THROTTLE_RETENTION_MS = 24 * 60 * 60 * 1000;

const connection = connect(process.env.DATABASE_URL);
try {
	const sessions = await deleteExpiredSessions(connection.db);
	const throttles = await deleteStaleThrottles(connection.db, THROTTLE_RETENTION_MS);
	console.info(`db:cleanup: ${sessions} expired session(s), ${throttles} stale throttle row(s) deleted`);
} finally {
	await connection.close();
}
