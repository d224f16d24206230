import { and, desc, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { sessions, users } from '../schema';
import { withoutSecrets, type User } from './users';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
	await db.insert(sessions).values(session);
}

export async function findSessionWithUser(
	db: Db,
	sessionId: string
): Promise<{ session: SessionRow; user: User } | null> {
	const [row] = await db
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, sessionId));
	return row ? { session: row.session, user: withoutSecrets(row.user) } : null;
}

/** A renewal: a new end, and the moment of this use (shown on /compte). */
export async function touchSession(
	db: Db,
	sessionId: string,
	expiresAt: Date,
	lastUsedAt: Date
): Promise<void> {
	await db.update(sessions).set({ expiresAt, lastUsedAt }).where(eq(sessions.id, sessionId));
}

export async function markSessionSecondFactor(
	db: Db,
	sessionId: string,
	secondFactorAt: Date,
	expiresAt: Date
): Promise<void> {
	await db.update(sessions).set({ secondFactorAt, expiresAt }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends one of the user's own sessions; false when it is not theirs (or already over). */
export async function deleteUserSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
	const deleted = await db
		.delete(sessions)
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
		.returning({ id: sessions.id });
	return deleted.length === 1;
}

/** Deletes every session of the user except `keep` (when given). */
export async function deleteUserSessions(db: Db, userId: string, keep?: string): Promise<void> {
	await db
		.delete(sessions)
		.where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId));
}

/** The user's sessions still alive, most recently used first (for « Mes sessions »). */
export async function listUserSessions(db: Db, userId: string, now = new Date()) {
	return db
		.select({
			id: sessions.id,
			device: sessions.device,
			createdAt: sessions.createdAt,
			lastUsedAt: sessions.lastUsedAt,
			expiresAt: sessions.expiresAt
		})
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
		.orderBy(desc(sessions.lastUsedAt), desc(sessions.createdAt));
}

export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<number> {
	const deleted = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
	return deleted.length;
}
