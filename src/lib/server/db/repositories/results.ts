import { and, eq } from 'drizzle-orm';
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
