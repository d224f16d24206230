import type { ExplainedMatch } from '$lib/engine';
import { currentLocale, formatDate } from '$lib/labels';
import { catalogueOfVersion, getCatalogue } from '../catalog';
import { getDb } from '../db';
import { findLatestResultIdForOwner, listOwnerResults, type Owner } from '../db/repositories/attempts';
import { addDismissal, listDismissals, removeDismissal } from '../db/repositories/dismissals';
import { findResultForOwner } from '../db/repositories/results';
import type { User } from '../db/repositories/users';
import { explainedMatch, rankForShortStudies } from './matching';
import { matchesForDisplay } from './view';
import { REFINE_MORE } from '../quiz/adaptive';

/** Which careers a result page lists: all of them, or those open after two years of study or less. */
export type ResultView = 'all' | 'short';

/** A result as its owner reads it, without the careers they set aside; null for anyone else (→ 404). */
export async function showResult(
	owner: Owner,
	user: User | null,
	resultId: string,
	view: ResultView = 'all'
) {
	const db = getDb();
	const [result, current, dismissedSlugs] = await Promise.all([
		findResultForOwner(db, resultId, owner),
		getCatalogue(),
		user ? listDismissals(db, user.id) : []
	]);
	if (!result) return null;
	const dismissed = new Set(dismissedSlugs);
	// The result as it was computed, with the catalogue of its day; the « short studies » view ranks the
	// profile again against today's catalogue, and is drawn with it.
	const catalogue = view === 'short' ? current : await catalogueOfVersion(result.catalogueVersion);
	const ranking = view === 'short' ? rankForShortStudies(catalogue, result.ranking.profile) : result.ranking;
	return {
		view,
		id: result.id,
		date: formatDate(result.createdAt),
		signedIn: user !== null,
		dismissed: dismissedSlugs.map((slug) => ({
			slug,
			title: catalogue.careerBySlug.get(slug)?.title ?? slug
		})),
		engineVersion: result.engineVersion,
		catalogueVersion: result.catalogueVersion,
		/** The catalogue version this page is drawn with, and today's when it is another. */
		catalogueNumber: catalogue.number,
		newerCatalogue: catalogue.number !== current.number ? current.number : null,
		profile: result.ranking.profile,
		quality: result.ranking.quality,
		quiz: result.ranking.quiz ?? null,
		/** « Affiner » is offered while the bank has questions this result did not ask. */
		refinable: result.ranking.quiz ? result.ranking.quiz.asked < result.ranking.quiz.bank : false,
		refineCount: result.ranking.quiz
			? Math.min(REFINE_MORE, result.ranking.quiz.bank - result.ranking.quiz.asked)
			: 0,
		matches: matchesForDisplay(ranking, dismissed, catalogue, currentLocale())
	};
}

export type DismissalOutcome = 'done' | 'not_found' | 'unknown_career';

/**
 * « Pas pour moi » and its undo, kept per account: only the signed-in owner of the result may use them
 * from it, and only for a career of the catalogue.
 */
export async function setCareerDismissed(
	owner: Owner & { userId: string },
	resultId: string,
	slug: string,
	dismissed: boolean
): Promise<DismissalOutcome> {
	const db = getDb();
	if (!(await findResultForOwner(db, resultId, owner))) return 'not_found';
	if (!(await getCatalogue()).careerBySlug.has(slug)) return 'unknown_career';
	if (dismissed) await addDismissal(db, owner.userId, slug);
	else await removeDismissal(db, owner.userId, slug);
	return 'done';
}

/** This visitor's match with one career, from their latest result, if they have one. */
export async function visitorMatch(
	owner: Owner,
	slug: string
): Promise<(ExplainedMatch & { resultId: string }) | null> {
	const db = getDb();
	const resultId = await findLatestResultIdForOwner(db, owner);
	const result = resultId ? await findResultForOwner(db, resultId, owner) : null;
	const match = result?.ranking.matches.find((candidate) => candidate.slug === slug);
	if (!match || !result) return null;
	const catalogue = await catalogueOfVersion(result.catalogueVersion);
	return { ...explainedMatch(match, result.ranking.profile, catalogue), resultId: result.id };
}

/** The user's results, newest first, with their three closest careers. */
export async function listAccountResults(userId: string) {
	const [catalogue, results] = await Promise.all([
		getCatalogue(),
		listOwnerResults(getDb(), { ownerHash: null, userId })
	]);
	return results.map((result) => ({
		id: result.id,
		createdAt: result.createdAt,
		top: result.ranking.matches.slice(0, 3).map((match) => ({
			slug: match.slug,
			title: catalogue.careerBySlug.get(match.slug)?.title ?? match.slug,
			score: match.score
		}))
	}));
}
