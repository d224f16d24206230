import type { Cookies } from '@sveltejs/kit';
import type { Match } from '$lib/engine';
import { getDb } from './db';
import { findLatestResultIdForOwner } from './db/repositories/attempts';
import { findResultForOwner } from './db/repositories/results';
import { readOwnerHash } from './owner';
import { loadOwnerAnswers } from './quiz';

/** Where this browser stands: an attempt in progress, a latest result — for the landing page's buttons. */
export function visitorProgress(cookies: Cookies): { answered: number; latestResultId: string | null } {
	const ownerHash = readOwnerHash(cookies);
	if (!ownerHash) return { answered: 0, latestResultId: null };
	const { answers } = loadOwnerAnswers(ownerHash);
	return {
		answered: Object.keys(answers).length,
		latestResultId: findLatestResultIdForOwner(getDb(), ownerHash)
	};
}

/** This browser's match with one career, from its latest result, if it has one. */
export function visitorMatch(cookies: Cookies, slug: string): (Match & { resultId: string }) | null {
	const ownerHash = readOwnerHash(cookies);
	if (!ownerHash) return null;
	const db = getDb();
	const resultId = findLatestResultIdForOwner(db, ownerHash);
	const result = resultId ? findResultForOwner(db, resultId, ownerHash) : null;
	const match = result?.ranking.matches.find((candidate) => candidate.slug === slug);
	return match && result ? { ...match, resultId: result.id } : null;
}
