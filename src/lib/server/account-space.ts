import type { Ranking } from '$lib/engine';
import { getCatalogue } from './catalog';
import { getDb } from './db';
import { listOwnerResults } from './db/repositories/attempts';

/** The user's results, newest first, with their three closest careers. */
export function listAccountResults(userId: string) {
	const catalogue = getCatalogue();
	return listOwnerResults(getDb(), { ownerHash: null, userId }).map((result) => ({
		id: result.id,
		createdAt: result.createdAt,
		top: (result.ranking as Ranking).matches.slice(0, 3).map((match) => ({
			slug: match.slug,
			title: catalogue.careerBySlug.get(match.slug)?.title ?? match.slug,
			score: match.score
		}))
	}));
}
