import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../client';
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
import { listAuditAboutStudent } from './audit';
import { listStudentCohorts } from './cohorts';
import { listSharedNotesAboutStudent } from './notes';

/** A user as the app handles one: never the password hash, never the second factor's key. */
export type User = Omit<UserRow, 'passwordHash' | 'totpKey'>;

export function withoutSecrets({ passwordHash: _hash, totpKey: _key, ...user }: UserRow): User {
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
export async function createUser(db: Db, user: NewUser): Promise<boolean> {
	const now = user.now ?? new Date();
	const created = await db
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
		.returning({ id: users.id });
	return created.length === 1;
}

export async function findUserCredentials(db: Db, identifier: string): Promise<UserRow | null> {
	const [user] = await db.select().from(users).where(eq(users.identifier, identifier));
	return user ?? null;
}

export async function findUserById(db: Db, id: string): Promise<User | null> {
	const [user] = await db.select().from(users).where(eq(users.id, id));
	return user ? withoutSecrets(user) : null;
}

/** « Last active », for administrators: at each log-in and session renewal. */
export async function markUserActive(db: Db, userId: string, at: Date): Promise<void> {
	await db.update(users).set({ lastActiveAt: at }).where(eq(users.id, userId));
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
	await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Deletes the account; sessions, attempts, answers, results and dismissals go with it (ON DELETE CASCADE). */
export async function deleteUser(db: Db, userId: string): Promise<void> {
	await db.delete(users).where(eq(users.id, userId));
}

/**
 * Gives the account the anonymous attempts of this browser; returns how many were claimed. An account has
 * one quiz in progress at most: when it already has one, the browser's unfinished attempt stays anonymous.
 */
export async function claimOwnerAttempts(db: Db, userId: string, ownerTokenHash: string): Promise<number> {
	return db.transaction(async (tx) => {
		const [inProgress] = await tx
			.select({ id: quizAttempts.id })
			.from(quizAttempts)
			.where(and(eq(quizAttempts.userId, userId), isNull(quizAttempts.finishedAt)))
			.limit(1);
		const claimed = await tx
			.update(quizAttempts)
			.set({ userId })
			.where(
				and(
					eq(quizAttempts.ownerTokenHash, ownerTokenHash),
					isNull(quizAttempts.userId),
					inProgress ? isNotNull(quizAttempts.finishedAt) : undefined
				)
			)
			.returning({ id: quizAttempts.id });
		return claimed.length;
	});
}

/** Everything the app holds about one user, for the data export (RGPD right of access and portability). */
export async function exportUserData(db: Db, userId: string) {
	const user = await findUserById(db, userId);
	if (!user) return null;
	const attempts = await db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId));
	const attemptIds = attempts.map((a) => a.id);
	const cohorts = await listStudentCohorts(db, userId);
	return {
		account: user,
		sessions: await db
			.select({
				createdAt: sessions.createdAt,
				expiresAt: sessions.expiresAt,
				lastUsedAt: sessions.lastUsedAt,
				device: sessions.device
			})
			.from(sessions)
			.where(eq(sessions.userId, userId)),
		attempts: attempts.map(({ ownerTokenHash: _owner, ...attempt }) => attempt),
		answers:
			attemptIds.length === 0
				? []
				: await db.select().from(attemptAnswers).where(inArray(attemptAnswers.attemptId, attemptIds)),
		results:
			attemptIds.length === 0
				? []
				: await db.select().from(results).where(inArray(results.attemptId, attemptIds)),
		dismissals: await db.select().from(dismissals).where(eq(dismissals.userId, userId)),
		cohorts: cohorts.map(({ counsellorId: _id, ...cohort }) => cohort),
		/** Only the notes their authors chose to share: private notes are a counsellor's working notes. */
		notesAboutMe: await listSharedNotesAboutStudent(db, userId),
		viewsOfMyData: await listAuditAboutStudent(db, userId)
	};
}
