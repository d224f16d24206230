import { and, desc, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Ranking } from '$lib/engine';
import type { ResultSummary } from '$lib/result-summary';
import type { QuizMode } from '$lib/vocabulary';
import { forUpdate, type Db } from '../client';
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
	mode: QuizMode;
	/** Adaptive: the most questions this attempt asks. */
	itemLimit: number | null;
}

/** How a new attempt is taken; an attempt already open keeps its own. */
export interface AttemptStart {
	mode: QuizMode;
	itemLimit: number | null;
}

export async function findOpenAttempt(db: Db, owner: Owner): Promise<AttemptSummary | null> {
	const condition = ownedBy(owner);
	if (!condition) return null;
	const [attempt] = await db
		.select({
			id: quizAttempts.id,
			startedAt: quizAttempts.startedAt,
			updatedAt: quizAttempts.updatedAt,
			finishedAt: quizAttempts.finishedAt,
			mode: quizAttempts.mode,
			itemLimit: quizAttempts.itemLimit
		})
		.from(quizAttempts)
		.where(and(condition, isNull(quizAttempts.finishedAt)))
		.orderBy(desc(quizAttempts.updatedAt))
		.limit(1);
	return attempt ?? null;
}

export async function readAnswers(db: Db, attemptId: string): Promise<Record<string, number>> {
	const rows = await db
		.select({ questionId: attemptAnswers.questionId, value: attemptAnswers.value })
		.from(attemptAnswers)
		.where(eq(attemptAnswers.attemptId, attemptId));
	return Object.fromEntries(rows.map((row) => [row.questionId, row.value]));
}

/** Opens an attempt for the owner, unless one is open already (the unique index on open attempts decides). */
async function openAttemptUnlessOpen(
	db: Db,
	owner: Owner & { ownerHash: string },
	start: AttemptStart,
	newId: () => string,
	now: Date
): Promise<void> {
	await db
		.insert(quizAttempts)
		.values({
			id: newId(),
			ownerTokenHash: owner.ownerHash,
			userId: owner.userId,
			startedAt: now,
			updatedAt: now,
			...start
		})
		.onConflictDoNothing();
}

/**
 * Stores answers in the owner's open attempt, creating the attempt when there is none. One transaction, and
 * the unique index on open attempts: two tabs (or two app processes) saving at once cannot both open an
 * attempt, and answers never go into an attempt another request has just finished (its row is locked).
 */
export async function saveAnswers(
	db: Db,
	owner: Owner & { ownerHash: string },
	answers: Record<string, number>,
	newId: () => string,
	now = new Date(),
	start: AttemptStart = { mode: 'full', itemLimit: null }
): Promise<string> {
	return db.transaction(async (tx) => {
		await openAttemptUnlessOpen(tx, owner, start, newId, now);
		const [open] = await forUpdate(
			tx,
			tx
				.select({ id: quizAttempts.id })
				.from(quizAttempts)
				.where(and(ownedBy(owner), isNull(quizAttempts.finishedAt)))
		);
		const attemptId = open!.id;
		await tx.update(quizAttempts).set({ updatedAt: now }).where(eq(quizAttempts.id, attemptId));
		const rows = Object.entries(answers).map(([questionId, value]) => ({
			attemptId,
			questionId,
			value,
			answeredAt: now
		}));
		if (rows.length > 0) {
			await tx
				.insert(attemptAnswers)
				.values(rows)
				.onConflictDoUpdate({
					target: [attemptAnswers.attemptId, attemptAnswers.questionId],
					set: { value: sql`excluded.value`, answeredAt: now }
				});
		}
		return attemptId;
	});
}

export interface NewResult {
	engineVersion: string;
	catalogueVersion: string;
	ranking: Ranking;
	summary: ResultSummary;
}

/**
 * Closes the attempt and stores its result, atomically. `compute` runs inside the transaction on the
 * answers as stored, so the result matches exactly what was saved. Submitting twice (a double click, a
 * resent form) returns the result of the first submission instead of failing or creating a second one.
 */
export async function finishAttempt(
	db: Db,
	attemptId: string,
	compute: (answers: Record<string, number>) => NewResult,
	newId: () => string,
	now = new Date()
): Promise<string> {
	return db.transaction(async (tx) => {
		// The attempt's row is locked first: a double submit waits here, then finds the first result.
		await forUpdate(
			tx,
			tx.select({ id: quizAttempts.id }).from(quizAttempts).where(eq(quizAttempts.id, attemptId))
		);
		const [existing] = await tx
			.select({ id: results.id })
			.from(results)
			.where(eq(results.attemptId, attemptId));
		if (existing) return existing.id;
		const rows = await tx
			.select({ questionId: attemptAnswers.questionId, value: attemptAnswers.value })
			.from(attemptAnswers)
			.where(eq(attemptAnswers.attemptId, attemptId));
		const computed = compute(Object.fromEntries(rows.map((row) => [row.questionId, row.value])));
		const id = newId();
		await tx.insert(results).values({ id, attemptId, createdAt: now, ...computed });
		await tx
			.update(quizAttempts)
			.set({ finishedAt: now, updatedAt: now })
			.where(eq(quizAttempts.id, attemptId));
		return id;
	});
}

export async function findLatestResultIdForOwner(db: Db, owner: Owner): Promise<string | null> {
	const condition = ownedBy(owner);
	if (!condition) return null;
	const [latest] = await db
		.select({ id: results.id })
		.from(results)
		.innerJoin(quizAttempts, eq(results.attemptId, quizAttempts.id))
		.where(condition)
		.orderBy(desc(results.createdAt))
		.limit(1);
	return latest?.id ?? null;
}

/**
 * Switches the owner's open attempt to another way of taking the quiz (« répondre à toutes les questions »),
 * or opens one that way; its answers stay.
 */
export async function setOpenAttemptMode(
	db: Db,
	owner: Owner & { ownerHash: string },
	start: AttemptStart,
	newId: () => string,
	now = new Date()
): Promise<void> {
	await db.transaction(async (tx) => {
		await openAttemptUnlessOpen(tx, owner, start, newId, now);
		await tx
			.update(quizAttempts)
			.set({ ...start, updatedAt: now })
			.where(and(ownedBy(owner), isNull(quizAttempts.finishedAt)));
	});
}

/**
 * « Affiner »: a new attempt that starts from the answers behind one of the owner's results, to ask more
 * questions; the result stays in the history. Refused (null) while another attempt is open: its answers are
 * the person's, and are not thrown away for this.
 */
export async function startRefinement(
	db: Db,
	owner: Owner & { ownerHash: string },
	resultId: string,
	itemLimit: (answered: number) => number,
	newId: () => string,
	now = new Date()
): Promise<{ attemptId: string } | 'busy' | 'not_found'> {
	return db.transaction(async (tx) => {
		const [result] = await tx
			.select({ attemptId: results.attemptId })
			.from(results)
			.innerJoin(quizAttempts, eq(results.attemptId, quizAttempts.id))
			.where(and(eq(results.id, resultId), ownedBy(owner)));
		if (!result) return 'not_found';
		const [open] = await tx
			.select({ id: quizAttempts.id })
			.from(quizAttempts)
			.where(and(ownedBy(owner), isNull(quizAttempts.finishedAt)));
		if (open) return 'busy';
		const previous = await tx
			.select({ questionId: attemptAnswers.questionId, value: attemptAnswers.value })
			.from(attemptAnswers)
			.where(eq(attemptAnswers.attemptId, result.attemptId));
		const attemptId = newId();
		await tx.insert(quizAttempts).values({
			id: attemptId,
			ownerTokenHash: owner.ownerHash,
			userId: owner.userId,
			startedAt: now,
			updatedAt: now,
			mode: 'adaptive',
			itemLimit: itemLimit(previous.length)
		});
		if (previous.length > 0)
			await tx.insert(attemptAnswers).values(previous.map((row) => ({ attemptId, ...row, answeredAt: now })));
		return { attemptId };
	});
}

/** Throws away the owner's unfinished attempt and its answers (« recommencer à zéro »). */
export async function discardOpenAttempt(db: Db, owner: Owner): Promise<void> {
	const condition = ownedBy(owner);
	if (condition) await db.delete(quizAttempts).where(and(condition, isNull(quizAttempts.finishedAt)));
}

export interface OwnerResult {
	id: string;
	createdAt: Date;
	ranking: Ranking;
}

/** The owner's results, newest first. */
export async function listOwnerResults(db: Db, owner: Owner): Promise<OwnerResult[]> {
	const condition = ownedBy(owner);
	if (!condition) return [];
	return db
		.select({ id: results.id, createdAt: results.createdAt, ranking: results.ranking })
		.from(results)
		.innerJoin(quizAttempts, eq(results.attemptId, quizAttempts.id))
		.where(condition)
		.orderBy(desc(results.createdAt));
}

/**
 * The dates of the owner's results, newest first, without reading the results themselves (their large
 * rankings): a finished attempt's finished_at is its result's date.
 */
export async function listOwnerResultDates(db: Db, owner: Owner): Promise<{ id: string; createdAt: Date }[]> {
	const condition = ownedBy(owner);
	if (!condition) return [];
	const rows = await db
		.select({ id: results.id, createdAt: quizAttempts.finishedAt })
		.from(quizAttempts)
		.innerJoin(results, eq(results.attemptId, quizAttempts.id))
		.where(condition)
		.orderBy(desc(quizAttempts.finishedAt));
	return rows.map((row) => ({ id: row.id, createdAt: row.createdAt! }));
}

/** What a browser owns without an account: its finished results (with their small summary) and whether a quiz is in progress. */
export async function listUnclaimedAttempts(db: Db, ownerHash: string) {
	return db
		.select({
			attemptId: quizAttempts.id,
			finishedAt: quizAttempts.finishedAt,
			updatedAt: quizAttempts.updatedAt,
			resultId: results.id,
			summary: results.summary
		})
		.from(quizAttempts)
		.leftJoin(results, eq(results.attemptId, quizAttempts.id))
		.where(and(eq(quizAttempts.ownerTokenHash, ownerHash), isNull(quizAttempts.userId)))
		.orderBy(desc(quizAttempts.updatedAt));
}

/** Deletes attempts no account ever claimed, untouched since `before` (their answers and results go too). */
export async function deleteUnclaimedAttempts(db: Db, before: Date): Promise<number> {
	const deleted = await db
		.delete(quizAttempts)
		.where(and(isNull(quizAttempts.userId), lt(quizAttempts.updatedAt, before)))
		.returning({ id: quizAttempts.id });
	return deleted.length;
}
