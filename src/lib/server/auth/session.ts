import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/client';
import {
	deleteSession,
	deleteUserSessions,
	findSessionWithUser,
	insertSession,
	updateSessionExpiry,
	type SessionRow
} from '../db/repositories/sessions';
import type { User } from '../db/repositories/users';
import { generateToken, hashToken } from '../ids';

export const SESSION_COOKIE = 'boussole_session';
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Idle timeouts, as sliding expiry: a session unused for its whole lifetime is gone. Students: 30 days
 * (a phone stays signed in between two quiz sessions). Counsellors and admins read pupils' data, often on
 * shared school computers: 2 hours.
 */
export const SESSION_LIFETIME_MS = { student: 30 * DAY, counsellor: 2 * HOUR, admin: 2 * HOUR } as const;
/**
 * A renewal is written at most this often: half the lifetime for students (one write a fortnight), five
 * minutes for staff so that their idle timeout is 2 hours to within five minutes.
 */
const RENEW_AFTER_MS = { student: 15 * DAY, counsellor: 5 * MINUTE, admin: 5 * MINUTE } as const;

export type Session = SessionRow;

function lifetime(user: Pick<User, 'role'>): number {
	return SESSION_LIFETIME_MS[user.role];
}

/** A new session for the user: the token goes to the cookie, its SHA-256 to the database. */
export async function createSession(
	db: Db,
	user: Pick<User, 'id' | 'role'>,
	now = Date.now()
): Promise<{ token: string; session: Session }> {
	const token = generateToken();
	const session = { id: hashToken(token), userId: user.id, expiresAt: new Date(now + lifetime(user)) };
	await insertSession(db, session, new Date(now));
	return { token, session };
}

/** The session and user behind a cookie token, renewed when due; null when unknown or expired. */
export async function validateSessionToken(
	db: Db,
	token: string,
	now = Date.now()
): Promise<{ session: Session; user: User } | null> {
	const found = await findSessionWithUser(db, hashToken(token));
	if (!found) return null;
	const { session, user } = found;
	if (now >= session.expiresAt.getTime()) {
		await deleteSession(db, session.id);
		return null;
	}
	// A session from before a lifetime was shortened (or from before a role change) is brought down to it.
	const due = now >= session.expiresAt.getTime() - lifetime(user) + RENEW_AFTER_MS[user.role];
	if (due || session.expiresAt.getTime() > now + lifetime(user)) {
		session.expiresAt = new Date(now + lifetime(user));
		await updateSessionExpiry(db, session.id, session.expiresAt);
	}
	return { session, user };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await deleteSession(db, sessionId);
}

export async function invalidateOtherSessions(db: Db, userId: string, keepSessionId?: string): Promise<void> {
	await deleteUserSessions(db, userId, keepSessionId);
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
