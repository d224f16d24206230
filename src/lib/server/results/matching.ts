import {
	computeProfile,
	explainMatch,
	rankCareers,
	type Answers,
	type ExplainedMatch,
	type Match,
	type Profile,
	type Ranking
} from '$lib/engine';
import { summarizeRanking } from '$lib/result-summary';
import { SHORT_STUDIES } from '$lib/vocabulary';
import type { Catalogue } from '../catalog/types';
import type { NewResult } from '../db/repositories/attempts';
import type { AdaptiveProgress } from '../quiz/adaptive';

/**
 * How many matches a stored result keeps explained, as the catalogue said it when the result was made: the
 * five a result page shows, and a few more for the careers that move up when some are set aside.
 */
export const STORED_EXPLANATIONS = 10;

/**
 * Runs the engine over the catalogue. Pure apart from the catalogue it is given. Explains the first
 * `explain` matches (all by default, as the matching API gives them).
 */
export function rankAnswers(
	catalogue: Catalogue,
	answers: Answers,
	explain = Number.POSITIVE_INFINITY
): Ranking {
	return rankCareers(
		computeProfile(catalogue.questions, answers),
		catalogue.engineCareers,
		answers,
		catalogue.questions,
		explain
	);
}

export function rankProfile(
	catalogue: Catalogue,
	profile: Profile,
	explain = Number.POSITIVE_INFINITY
): Ranking {
	return rankCareers(profile, catalogue.engineCareers, undefined, undefined, explain);
}

/**
 * A match with its explanation: the one stored with the ranking, or else the engine's, worked out again
 * from the ranking's profile. A career gone from the catalogue since has nothing more to say.
 */
export function explainedMatch(match: Match, profile: Profile, catalogue: Catalogue): ExplainedMatch {
	const { drivers, gaps, unknown } = match;
	if (drivers && gaps && unknown) return { ...match, drivers, gaps, unknown };
	const career = catalogue.engineCareers.find((prepared) => prepared.career.slug === match.slug);
	return {
		...match,
		...(career ? explainMatch(profile, career) : { drivers: [], gaps: [], unknown: [] })
	};
}

/** The ranking with its first `count` matches explained. */
export function explainFirst(ranking: Ranking, catalogue: Catalogue, count: number): Ranking {
	return {
		...ranking,
		matches: ranking.matches.map((match, index) =>
			index < count ? explainedMatch(match, ranking.profile, catalogue) : match
		)
	};
}

/**
 * « Les métiers accessibles en 2 ans d'études ou moins »: the stored profile ranked again against today's
 * catalogue, keeping the careers open after a CAP, the bac or two years after it. Ranking the profile (not
 * filtering the stored ranking) gives results made before a career was added the new careers too.
 */
export function rankForShortStudies(catalogue: Catalogue, profile: Profile): Ranking {
	const ranking = rankProfile(catalogue, profile, 0);
	return {
		...ranking,
		matches: ranking.matches.filter((match) => {
			const career = catalogue.careerBySlug.get(match.slug);
			return career !== undefined && SHORT_STUDIES.includes(career.entryLevel);
		})
	};
}

/** What is stored when a quiz is finished: the ranking, its summary, and the versions that produced them. */
export function resultOfAnswers(catalogue: Catalogue, answers: Answers): NewResult {
	const asked = catalogue.questions.filter((question) => Object.hasOwn(answers, question.id)).length;
	return newResult(catalogue, {
		...rankAnswers(catalogue, answers, STORED_EXPLANATIONS),
		quiz: { mode: 'full', asked, bank: catalogue.questions.length, settled: null }
	});
}

/** The adaptive quiz's result: the ranking of the profile the whole bank would most likely give. */
export function resultOfAdaptiveQuiz(catalogue: Catalogue, progress: AdaptiveProgress): NewResult {
	const { step } = progress;
	return newResult(catalogue, {
		...explainFirst(step.ranking, catalogue, STORED_EXPLANATIONS),
		quiz: { mode: 'adaptive', asked: step.asked, bank: catalogue.questions.length, settled: step.settled }
	});
}

function newResult(catalogue: Catalogue, ranking: Ranking): NewResult {
	return {
		engineVersion: ranking.engineVersion,
		catalogueVersion: catalogue.version,
		ranking,
		summary: summarizeRanking(ranking)
	};
}
