import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/client';
import {
	deleteSession,
	deleteUserSessions,
	findSessionWithUser,
	insertSession,
	markSessionSecondFactor,
	touchSession,
	type SessionRow
} from '../db/repositories/sessions';
import { markUserActive, type User } from '../db/repositories/users';
import { generateToken, hashToken } from '../ids';
import { deleteBearerCookie, readBearerCookie, setBearerCookie } from './cookies';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long a session lives. `idle`: unused that long, it ends (sliding: each use renews it). `absolute`:
 * however much it is used, it ends that long after the log-in. Students: 30 days idle, 90 days absolute (a
 * phone stays signed in between two quiz sessions, and signs in again each term). Staff read pupils' data,
 * often on shared school computers: 2 hours idle, 12 hours absolute (one working day). `renewEvery`: a renewal
 * (and the « last used » time shown on /compte) is written at most that often.
 */
export const SESSION_POLICY = {
	student: { idle: 30 * DAY, absolute: 90 * DAY, renewEvery: 5 * MINUTE },
	counsellor: { idle: 2 * HOUR, absolute: 12 * HOUR, renewEvery: 5 * MINUTE },
	editor: { idle: 2 * HOUR, absolute: 12 * HOUR, renewEvery: 5 * MINUTE },
	admin: { idle: 2 * HOUR, absolute: 12 * HOUR, renewEvery: 5 * MINUTE }
} as const;
/** A session waiting for its second factor: long enough to open the app on the phone, no longer. */
export const PENDING_SECOND_FACTOR_MS = 10 * MINUTE;

export type Session = SessionRow;

export const isStaff = (user: Pick<User, 'role'>) => user.role !== 'student';

/** Staff always; anyone who turned it on. */
export function needsSecondFactor(user: Pick<User, 'role' | 'totpEnabledAt'>): boolean {
	return isStaff(user) || user.totpEnabledAt !== null;
}

function endOf(session: Pick<Session, 'createdAt'>, user: Pick<User, 'role'>, from: number): Date {
	const policy = SESSION_POLICY[user.role];
	return new Date(Math.min(from + policy.idle, session.createdAt.getTime() + policy.absolute));
}

/**
 * A new session for the user: the token goes to the cookie, its SHA-256 to the database. When the user needs
 * a second factor, the session is pending (10 minutes) until it is given.
 */
export async function createSession(
	db: Db,
	user: Pick<User, 'id' | 'role' | 'totpEnabledAt'>,
	context: { now?: number; device?: string } = {}
): Promise<{ token: string; session: Session }> {
	const now = context.now ?? Date.now();
	const token = generateToken();
	const pending = needsSecondFactor(user);
	const createdAt = new Date(now);
	const session: Session = {
		id: hashToken(token),
		userId: user.id,
		createdAt,
		expiresAt: pending ? new Date(now + PENDING_SECOND_FACTOR_MS) : endOf({ createdAt }, user, now),
		device: context.device ?? '',
		lastUsedAt: createdAt,
		secondFactorAt: null
	};
	await Promise.all([insertSession(db, session), markUserActive(db, user.id, createdAt)]);
	return { token, session };
}

export interface ValidSession {
	session: Session;
	user: User;
	/** False while a second factor is due: the person may only give it. */
	complete: boolean;
}

/**
 * Where a session stands now: over (disabled account, idle or absolute end passed), waiting for its second
 * factor, due for a renewal, or current (nothing to write).
 */
type Standing = 'over' | 'pending' | 'due' | 'current';

function standing(session: Session, user: User, now: number): Standing {
	// Disabling an account ends its sessions; this is the second lock, should one be created in between.
	if (user.disabledAt !== null) return 'over';
	const policy = SESSION_POLICY[user.role];
	if (now >= session.expiresAt.getTime() || now >= session.createdAt.getTime() + policy.absolute)
		return 'over';
	if (needsSecondFactor(user) && session.secondFactorAt === null) return 'pending';
	const lastUse = session.lastUsedAt?.getTime() ?? session.createdAt.getTime();
	// A session from before a lifetime was shortened (or from before a role change) is brought down to it.
	const due = now - lastUse >= policy.renewEvery || session.expiresAt.getTime() > now + policy.idle;
	return due ? 'due' : 'current';
}

/** The session and user behind a cookie token, renewed when due; null when unknown or over. */
export async function validateSessionToken(
	db: Db,
	token: string,
	now = Date.now()
): Promise<ValidSession | null> {
	const found = await findSessionWithUser(db, hashToken(token));
	if (!found) return null;
	const { session, user } = found;
	switch (standing(session, user, now)) {
		case 'over':
			await deleteSession(db, session.id);
			return null;
		case 'pending':
			return { session, user, complete: false };
		case 'due':
			session.expiresAt = endOf(session, user, now);
			session.lastUsedAt = new Date(now);
			await Promise.all([
				touchSession(db, session.id, session.expiresAt, session.lastUsedAt),
				markUserActive(db, user.id, session.lastUsedAt)
			]);
			return { session, user, complete: true };
		case 'current':
			return { session, user, complete: true };
	}
}

/**
 * The signed-in user behind a token when nothing about the session needs writing (no renewal due, no end, no
 * second factor pending); null otherwise, and the request then goes through `validateSessionToken`. Read only:
 * for the kept pages' fast path, which sets no cookie.
 */
export async function currentSessionUser(db: Db, token: string, now = Date.now()): Promise<User | null> {
	const found = await findSessionWithUser(db, hashToken(token));
	return found && standing(found.session, found.user, now) === 'current' ? found.user : null;
}

/** The second factor was given: the session becomes a full one, with the lifetimes of the user's role. */
export async function completeSession(
	db: Db,
	session: Session,
	user: Pick<User, 'role'>,
	now = Date.now()
): Promise<Session> {
	const completed = { ...session, secondFactorAt: new Date(now), expiresAt: endOf(session, user, now) };
	await markSessionSecondFactor(db, session.id, completed.secondFactorAt, completed.expiresAt);
	return completed;
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await deleteSession(db, sessionId);
}

export async function invalidateOtherSessions(db: Db, userId: string, keepSessionId?: string): Promise<void> {
	await deleteUserSessions(db, userId, keepSessionId);
}

export function readSessionCookie(cookies: Cookies, url: URL): string | undefined {
	return readBearerCookie(cookies, url, 'boussole_session', {});
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	setBearerCookie(cookies, url, 'boussole_session', token, { expires: expiresAt });
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	deleteBearerCookie(cookies, url, 'boussole_session');
}
