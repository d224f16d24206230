import { and, eq, isNull } from 'drizzle-orm';
import type { Ranking } from '$lib/engine';
import { summarizeRanking } from '$lib/result-summary';
import type { Db } from '../client';
import { quizAttempts, results } from '../schema';
import { ownedBy, type Owner } from './attempts';

export interface StoredResult {
	id: string;
	createdAt: Date;
	engineVersion: string;
	catalogueVersion: string;
	ranking: Ranking;
}

/** A result, only for the owner of the attempt that produced it; anyone else gets null (→ 404). */
export async function findResultForOwner(
	db: Db,
	resultId: string,
	owner: Owner
): Promise<StoredResult | null> {
	const condition = ownedBy(owner);
	if (!condition) return null;
	const [row] = await db
		.select({
			id: results.id,
			createdAt: results.createdAt,
			engineVersion: results.engineVersion,
			catalogueVersion: results.catalogueVersion,
			ranking: results.ranking
		})
		.from(results)
		.innerJoin(quizAttempts, eq(results.attemptId, quizAttempts.id))
		.where(and(eq(results.id, resultId), condition));
	return row ?? null;
}

/** Whether the owner may see this result: `findResultForOwner`'s check, without reading the result. */
export async function isResultOwnedBy(db: Db, resultId: string, owner: Owner): Promise<boolean> {
	const condition = ownedBy(owner);
	if (!condition) return false;
	const [row] = await db
		.select({ id: results.id })
		.from(results)
		.innerJoin(quizAttempts, eq(results.attemptId, quizAttempts.id))
		.where(and(eq(results.id, resultId), condition));
	return row !== undefined;
}

/** Gives a summary to results stored before summaries existed; returns how many it filled. Idempotent. */
export async function backfillResultSummaries(db: Db): Promise<number> {
	const missing = await db
		.select({ id: results.id, ranking: results.ranking })
		.from(results)
		.where(isNull(results.summary));
	if (missing.length === 0) return 0;
	await db.transaction(async (tx) => {
		for (const row of missing) {
			await tx
				.update(results)
				.set({ summary: summarizeRanking(row.ranking) })
				.where(eq(results.id, row.id));
		}
	});
	return missing.length;
}
