import type { Match } from '$lib/engine';
import { getDb } from './db';
import { findLatestResultIdForOwner, type Owner } from './db/repositories/attempts';
import { findResultForOwner } from './db/repositories/results';
import { loadOwnerAnswers } from './quiz';

/** Where this visitor stands: an attempt in progress, a latest result — for the landing page's buttons. */
export function visitorProgress(owner: Owner): { answered: number; latestResultId: string | null } {
	const { answers } = loadOwnerAnswers(owner);
	return {
		answered: Object.keys(answers).length,
		latestResultId: findLatestResultIdForOwner(getDb(), owner)
	};
}

/** This visitor's match with one career, from their latest result, if they have one. */
export function visitorMatch(owner: Owner, slug: string): (Match & { resultId: string }) | null {
	const db = getDb();
	const resultId = findLatestResultIdForOwner(db, owner);
	const result = resultId ? findResultForOwner(db, resultId, owner) : null;
	const match = result?.ranking.matches.find((candidate) => candidate.slug === slug);
	return match && result ? { ...match, resultId: result.id } : null;
}
