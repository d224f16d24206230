import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { forUpdate, type Db } from '../client';
import { throttles } from '../schema';

export interface ThrottlePolicy {
	/** Attempts allowed in a window; the next one is refused and locks the key. */
	limit: number;
	windowMs: number;
	/** The first lock; each further attempt over the limit doubles it, up to `maxLockMs` (never for good). */
	lockMs: number;
	maxLockMs: number;
}

export type Reservation = { ok: true } | { ok: false; retryAfter: number };

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Counts one attempt against the key *before* it is checked (a password verified, a code looked up), in one
 * transaction that locks the key's row: a burst of parallel requests, on any number of processes, is counted
 * one by one, and the one past the limit is refused. A refused attempt while locked counts for nothing.
 */
export async function reserveAttempt(
	db: Db,
	key: string,
	policy: ThrottlePolicy,
	now = new Date()
): Promise<Reservation> {
	return db.transaction(async (tx) => {
		// The row exists before it is locked, so that two first attempts cannot both start from nothing.
		await tx
			.insert(throttles)
			.values({ key, windowStart: now, attempts: 0, lockedUntil: null })
			.onConflictDoNothing();
		const [row] = await forUpdate(tx, tx.select().from(throttles).where(eq(throttles.key, key)));
		const at = now.getTime();
		const lockedUntil = row!.lockedUntil?.getTime() ?? 0;
		if (lockedUntil > at) return { ok: false, retryAfter: seconds(lockedUntil - at) };
		const freshWindow = at - row!.windowStart.getTime() > policy.windowMs;
		const attempts = freshWindow ? 1 : row!.attempts + 1;
		const over = attempts - policy.limit;
		const lock = over > 0 ? Math.min(policy.maxLockMs, policy.lockMs * 2 ** (over - 1)) : 0;
		await tx
			.update(throttles)
			.set({
				windowStart: freshWindow ? now : row!.windowStart,
				attempts,
				lockedUntil: lock > 0 ? new Date(at + lock) : null
			})
			.where(eq(throttles.key, key));
		return lock > 0 ? { ok: false, retryAfter: seconds(lock) } : { ok: true };
	});
}

/** Gives back an attempt that turned out well (a successful log-in from a shared school address). */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
	await db
		.update(throttles)
		.set({ attempts: sql`case when ${throttles.attempts} > 0 then ${throttles.attempts} - 1 else 0 end` })
		.where(eq(throttles.key, key));
}

/** Forgets the key's attempts (an account that signed in). */
export async function clearAttempts(db: Db, key: string): Promise<void> {
	await db.delete(throttles).where(eq(throttles.key, key));
}

/** Deletes the keys whose window and lock are both over (`npm run db:cleanup`). */
export async function deleteStaleThrottles(db: Db, olderThanMs: number, now = new Date()): Promise<number> {
	const before = new Date(now.getTime() - olderThanMs);
	const deleted = await db
		.delete(throttles)
		.where(
			and(
				lt(throttles.windowStart, before),
				or(isNull(throttles.lockedUntil), lt(throttles.lockedUntil, now))
			)
		)
		.returning({ key: throttles.key });
	return deleted.length;
}
