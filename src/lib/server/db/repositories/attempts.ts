import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { attemptAnswers, quizAttempts, results } from '../schema';

/**
 * Who is asking: a signed-in user owns the attempts of their account; an anonymous browser owns the attempts
 * of its cookie that no account has claimed yet (once claimed, only the account opens them).
 */
export interface Owner {
	ownerHash: string | null;
	userId: string | null;
}

export function ownedBy(owner: Owner): SQL | undefined {
	if (owner.userId) return eq(quizAttempts.userId, owner.userId);
	if (owner.ownerHash)
		return and(eq(quizAttempts.ownerTokenHash, owner.ownerHash), isNull(quizAttempts.userId));
	return undefined;
}

export interface AttemptSummary {
	id: string;
	startedAt: Date;
	updatedAt: Date;
	finishedAt: Date | null;
}

export function findOpenAttempt(db: Db, owner: Owner): AttemptSummary | null {
	const condition = ownedBy(owner);
	if (!condition) return null;
	return (
		db
			.select({
				id: quizAttempts.id,
				startedAt: quizAttempts.startedAt,
				updatedAt: quizAttempts.updatedAt,
				finishedAt: quizAttempts.finishedAt
			})
			.from(quizAttempts)
			.where(and(condition, isNull(quizAttempts.finishedAt)))
			.orderBy(desc(quizAttempts.updatedAt))
			.limit(1)
			.get() ?? null
	);
}

export function readAnswers(db: Db, attemptId: string): Record<string, number> {
	const rows = db
		.select({ questionId: attemptAnswers.questionId, value: attemptAnswers.value })
		.from(attemptAnswers)
		.where(eq(attemptAnswers.attemptId, attemptId))
		.all();
	return Object.fromEntries(rows.map((row) => [row.questionId, row.value]));
}

/**
 * Stores answers in the owner's open attempt, creating the attempt when there is none. One IMMEDIATE
 * transaction: two tabs saving at once cannot both create an attempt or write into a finished one.
 */
export function saveAnswers(
	db: Db,
	owner: Owner & { ownerHash: string },
	answers: Record<string, number>,
	newId: () => string,
	now = new Date()
): string {
	return db.transaction(
		(tx) => {
			let attemptId = tx
				.select({ id: quizAttempts.id })
				.from(quizAttempts)
				.where(and(ownedBy(owner), isNull(quizAttempts.finishedAt)))
				.orderBy(desc(quizAttempts.updatedAt))
				.limit(1)
				.get()?.id;
			if (!attemptId) {
				attemptId = newId();
				tx.insert(quizAttempts)
					.values({
						id: attemptId,
						ownerTokenHash: owner.ownerHash,
						userId: owner.userId,
						startedAt: now,
						updatedAt: now
					})
					.run();
			} else {
				tx.update(quizAttempts).set({ updatedAt: now }).where(eq(quizAttempts.id, attemptId)).run();
			}
			const rows = Object.entries(answers).map(([questionId, value]) => ({
				attemptId: attemptId!,
				questionId,
				value,
				answeredAt: now
			}));
			if (rows.length > 0) {
				tx.insert(attemptAnswers)
					.values(rows)
					.onConflictDoUpdate({
						target: [attemptAnswers.attemptId, attemptAnswers.questionId],
						set: { value: sql`excluded.value`, answeredAt: now }
					})
					.run();
			}
			return attemptId;
		},
		{ behavior: 'immediate' }
	);
}

export interface NewResult {
	engineVersion: string;
	catalogueVersion: string;
	ranking: unknown;
	summary: unknown;
}

/**
 * Closes the attempt and stores its result, atomically. `compute` runs inside the transaction on the
 * answers as stored, so the result matches exactly what was saved. Submitting twice (a double click, a
 * resent form) returns the result of the first submission instead of failing or creating a second one.
 */
export function finishAttempt(
	db: Db,
	attemptId: string,
	compute: (answers: Record<string, number>) => NewResult,
	newId: () => string,
	now = new Date()
): string {
	return db.transaction(
		(tx) => {
			const existing = tx
				.select({ id: results.id })
				.from(results)
				.where(eq(results.attemptId, attemptId))
				.get();
			if (existing) return existing.id;
			const rows = tx
				.select({ questionId: attemptAnswers.questionId, value: attemptAnswers.value })
				.from(attemptAnswers)
				.where(eq(attemptAnswers.attemptId, attemptId))
				.all();
			const computed = compute(Object.fromEntries(rows.map((row) => [row.questionId, row.value])));
			const id = newId();
			tx.insert(results)
				.values({ id, attemptId, createdAt: now, ...computed })
				.run();
			tx.update(quizAttempts)
				.set({ finishedAt: now, updatedAt: now })
				.where(eq(quizAttempts.id, attemptId))
				.run();
			return id;
		},
		{ behavior: 'immediate' }
	);
}

export function findLatestResultIdForOwner(db: Db, owner: Owner): string | null {
	const condition = ownedBy(owner);
	if (!condition) return null;
	return (
		db
			.select({ id: results.id })
			.from(results)
			.innerJoin(quizAttempts, eq(results.attemptId, quizAttempts.id))
			.where(condition)
			.orderBy(desc(results.createdAt))
			.limit(1)
			.get()?.id ?? null
	);
}

/** Throws away the owner's unfinished attempt and its answers (« recommencer à zéro »). */
export function discardOpenAttempt(db: Db, owner: Owner): void {
	const condition = ownedBy(owner);
	if (condition)
		db.delete(quizAttempts)
			.where(and(condition, isNull(quizAttempts.finishedAt)))
			.run();
}

export interface OwnerResult {
	id: string;
	createdAt: Date;
	ranking: unknown;
}

/** The owner's results, newest first. */
export function listOwnerResults(db: Db, owner: Owner): OwnerResult[] {
	const condition = ownedBy(owner);
	if (!condition) return [];
	return db
		.select({ id: results.id, createdAt: results.createdAt, ranking: results.ranking })
		.from(results)
		.innerJoin(quizAttempts, eq(results.attemptId, quizAttempts.id))
		.where(condition)
		.orderBy(desc(results.createdAt))
		.all();
}

/**
 * The dates of the owner's results, newest first, without reading the results themselves (their large
 * rankings): a finished attempt's finished_at is its result's date.
 */
export function listOwnerResultDates(db: Db, owner: Owner): { id: string; createdAt: Date }[] {
	const condition = ownedBy(owner);
	if (!condition) return [];
	return db
		.select({ id: results.id, createdAt: quizAttempts.finishedAt })
		.from(quizAttempts)
		.innerJoin(results, eq(results.attemptId, quizAttempts.id))
		.where(condition)
		.orderBy(desc(quizAttempts.finishedAt))
		.all()
		.map((row) => ({ id: row.id, createdAt: row.createdAt! }));
}
