import { and, eq, isNull } from 'drizzle-orm';
import { summarizeRanking } from '$lib/result-summary';
import { ownedBy, type Owner } from './attempts';
import type { Ranking } from '$lib/engine';
import type { Db } from '../client';
import { quizAttempts, results } from '../schema';

export interface StoredResult {
	id: string;
	createdAt: Date;
	engineVersion: string;
	catalogueVersion: string;
	ranking: Ranking;
}

/** A result, only for the owner of the attempt that produced it; anyone else gets null (→ 404). */
export function findResultForOwner(db: Db, resultId: string, owner: Owner): StoredResult | null {
	const condition = ownedBy(owner);
	if (!condition) return null;
	const row = db
		.select({
			id: results.id,
			createdAt: results.createdAt,
			engineVersion: results.engineVersion,
			catalogueVersion: results.catalogueVersion,
			ranking: results.ranking
		})
		.from(results)
		.innerJoin(quizAttempts, eq(results.attemptId, quizAttempts.id))
		.where(and(eq(results.id, resultId), condition))
		.get();
	return row ? { ...row, ranking: row.ranking as Ranking } : null;
}

/** Gives a summary to results stored before summaries existed; returns how many it filled. Idempotent. */
export function backfillResultSummaries(db: Db): number {
	const missing = db
		.select({ id: results.id, ranking: results.ranking })
		.from(results)
		.where(isNull(results.summary))
		.all();
	db.transaction((tx) => {
		for (const row of missing) {
			tx.update(results)
				.set({ summary: summarizeRanking(row.ranking as Ranking) })
				.where(eq(results.id, row.id))
				.run();
		}
	});
	return missing.length;
}
