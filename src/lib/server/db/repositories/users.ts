import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { listAuditAboutStudent, listSharedNotesAboutStudent, listStudentCohorts } from './cohorts';
import {
	attemptAnswers,
	dismissals,
	quizAttempts,
	results,
	sessions,
	users,
	type UserRole,
	type UserRow
} from '../schema';

export type User = Omit<UserRow, 'passwordHash'>;

function withoutHash({ passwordHash: _hash, ...user }: UserRow): User {
	return user;
}

export interface NewUser {
	id: string;
	identifier: string;
	passwordHash: string;
	birthYear: number;
	role?: UserRole;
	parentalConsentName?: string | null;
	now?: Date;
}

/** Creates the account; false when the identifier is taken (the unique index decides, not a prior read). */
export function createUser(db: Db, user: NewUser): boolean {
	const now = user.now ?? new Date();
	const result = db
		.insert(users)
		.values({
			id: user.id,
			identifier: user.identifier,
			passwordHash: user.passwordHash,
			birthYear: user.birthYear,
			role: user.role ?? 'student',
			parentalConsentName: user.parentalConsentName ?? null,
			parentalConsentAt: user.parentalConsentName ? now : null,
			createdAt: now
		})
		.onConflictDoNothing({ target: users.identifier })
		.run();
	return result.changes === 1;
}

export function findUserCredentials(db: Db, identifier: string): UserRow | null {
	return db.select().from(users).where(eq(users.identifier, identifier)).get() ?? null;
}

export function findUserById(db: Db, id: string): User | null {
	const row = db.select().from(users).where(eq(users.id, id)).get();
	return row ? withoutHash(row) : null;
}

export function updatePasswordHash(db: Db, userId: string, passwordHash: string): void {
	db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
}

/** Deletes the account; sessions, attempts, answers, results and dismissals go with it (ON DELETE CASCADE). */
export function deleteUser(db: Db, userId: string): void {
	db.delete(users).where(eq(users.id, userId)).run();
}

/** Gives the account the anonymous attempts of this browser; returns how many were claimed. */
export function claimOwnerAttempts(db: Db, userId: string, ownerTokenHash: string): number {
	return db
		.update(quizAttempts)
		.set({ userId })
		.where(and(eq(quizAttempts.ownerTokenHash, ownerTokenHash), isNull(quizAttempts.userId)))
		.run().changes;
}

export interface SessionRow {
	id: string;
	userId: string;
	expiresAt: Date;
}

export function insertSession(db: Db, session: SessionRow, now = new Date()): void {
	db.insert(sessions)
		.values({ ...session, createdAt: now })
		.run();
}

export function findSessionWithUser(db: Db, sessionId: string): { session: SessionRow; user: User } | null {
	const row = db
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, sessionId))
		.get();
	if (!row) return null;
	return {
		session: { id: row.session.id, userId: row.session.userId, expiresAt: row.session.expiresAt },
		user: withoutHash(row.user)
	};
}

export function updateSessionExpiry(db: Db, sessionId: string, expiresAt: Date): void {
	db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId)).run();
}

export function deleteSession(db: Db, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Deletes every session of the user except `keep` (when given). */
export function deleteUserSessions(db: Db, userId: string, keep?: string): void {
	const others = db
		.select({ id: sessions.id })
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.all()
		.map((s) => s.id)
		.filter((id) => id !== keep);
	if (others.length > 0) db.delete(sessions).where(inArray(sessions.id, others)).run();
}

export function deleteExpiredSessions(db: Db, now = new Date()): void {
	db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
}

export function listDismissals(db: Db, userId: string): string[] {
	return db
		.select({ slug: dismissals.careerSlug })
		.from(dismissals)
		.where(eq(dismissals.userId, userId))
		.orderBy(desc(dismissals.createdAt))
		.all()
		.map((d) => d.slug);
}

export function addDismissal(db: Db, userId: string, careerSlug: string, now = new Date()): void {
	db.insert(dismissals).values({ userId, careerSlug, createdAt: now }).onConflictDoNothing().run();
}

export function removeDismissal(db: Db, userId: string, careerSlug: string): void {
	db.delete(dismissals)
		.where(and(eq(dismissals.userId, userId), eq(dismissals.careerSlug, careerSlug)))
		.run();
}

/** Everything the app holds about one user, for the data export (RGPD right of access and portability). */
export function exportUserData(db: Db, userId: string) {
	const user = findUserById(db, userId);
	if (!user) return null;
	const attempts = db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId)).all();
	const attemptIds = attempts.map((a) => a.id);
	return {
		account: user,
		sessions: db
			.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
			.from(sessions)
			.where(eq(sessions.userId, userId))
			.all(),
		attempts: attempts.map(({ ownerTokenHash: _owner, ...attempt }) => attempt),
		answers:
			attemptIds.length === 0
				? []
				: db.select().from(attemptAnswers).where(inArray(attemptAnswers.attemptId, attemptIds)).all(),
		results:
			attemptIds.length === 0
				? []
				: db.select().from(results).where(inArray(results.attemptId, attemptIds)).all(),
		dismissals: db.select().from(dismissals).where(eq(dismissals.userId, userId)).all(),
		cohorts: listStudentCohorts(db, userId).map(({ counsellorId: _id, ...cohort }) => cohort),
		/** Only the notes their authors chose to share: private notes are a counsellor's working notes. */
		notesAboutMe: listSharedNotesAboutStudent(db, userId),
		viewsOfMyData: listAuditAboutStudent(db, userId)
	};
}
