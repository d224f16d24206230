// `npm run db:cleanup`: deletes what has expired — sessions past their end, password reset codes past their day,
// throttles whose window and lock are over, and quizzes taken without an account that nobody came back to
// (ANONYMOUS_RETENTION_DAYS, said on /confidentialite). Run it daily from cron or a systemd timer (docs/deploy.md);
// app processes never do it.
import { ANONYMOUS_RETENTION_DAYS } from '../src/lib/retention';
import { connect } from '../src/lib/server/db/client';
import { deleteUnclaimedAttempts } from '../src/lib/server/db/repositories/attempts';
import { deleteExpiredPasswordResets } from '../src/lib/server/db/repositories/password-resets';
import { deleteExpiredSessions } from '../src/lib/server/db/repositories/sessions';
import { deleteStaleThrottles } from '../src/lib/server/db/repositories/throttles';

/** A throttle window is at most an hour; a day later nothing in the row matters any more. */
const THROTTLE_RETENTION_MS = 24 * 60 * 60 * 1000;

const connection = connect(process.env.DATABASE_URL);
try {
	const sessions = await deleteExpiredSessions(connection.db);
	const resets = await deleteExpiredPasswordResets(connection.db);
	const throttles = await deleteStaleThrottles(connection.db, THROTTLE_RETENTION_MS);
	const anonymous = await deleteUnclaimedAttempts(
		connection.db,
		new Date(Date.now() - ANONYMOUS_RETENTION_DAYS * 24 * 60 * 60 * 1000)
	);
	console.info(
		`db:cleanup: ${sessions} expired session(s), ${resets} expired reset code(s), ` +
			`${throttles} stale throttle row(s), ` +
			`${anonymous} quiz(zes) without an account untouched for ${ANONYMOUS_RETENTION_DAYS} days deleted`
	);
} finally {
	await connection.close();
}
