import { and, eq, lt, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { sessions, users } from '../schema';
import type { User } from './users';

export interface SessionRow {
	id: string;
	userId: string;
	expiresAt: Date;
}

export async function insertSession(db: Db, session: SessionRow, now = new Date()): Promise<void> {
	await db.insert(sessions).values({ ...session, createdAt: now });
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
	if (!row) return null;
	const { passwordHash: _hash, ...user } = row.user;
	return {
		session: { id: row.session.id, userId: row.session.userId, expiresAt: row.session.expiresAt },
		user
	};
}

export async function updateSessionExpiry(db: Db, sessionId: string, expiresAt: Date): Promise<void> {
	await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Deletes every session of the user except `keep` (when given). */
export async function deleteUserSessions(db: Db, userId: string, keep?: string): Promise<void> {
	await db
		.delete(sessions)
		.where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<number> {
	const deleted = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
	return deleted.length;
}
