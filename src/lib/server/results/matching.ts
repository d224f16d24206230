import { computeProfile, rankCareers, type Answers, type Profile, type Ranking } from '$lib/engine';
import { summarizeRanking } from '$lib/result-summary';
import { SHORT_STUDIES } from '$lib/vocabulary';
import type { Catalogue } from '../catalog/types';
import type { NewResult } from '../db/repositories/attempts';
import type { AdaptiveProgress } from '../quiz/adaptive';

/** Runs the engine over the catalogue. Pure apart from the catalogue it is given. */
export function rankAnswers(catalogue: Catalogue, answers: Answers): Ranking {
	return rankCareers(
		computeProfile(catalogue.questions, answers),
		catalogue.engineCareers,
		answers,
		catalogue.questions
	);
}

export function rankProfile(catalogue: Catalogue, profile: Profile): Ranking {
	return rankCareers(profile, catalogue.engineCareers);
}

/**
 * « Les métiers accessibles en 2 ans d'études ou moins »: the stored profile ranked again against today's
 * catalogue, keeping the careers open after a CAP, the bac or two years after it. Ranking the profile (not
 * filtering the stored ranking) gives results made before a career was added the new careers too.
 */
export function rankForShortStudies(catalogue: Catalogue, profile: Profile): Ranking {
	const ranking = rankProfile(catalogue, profile);
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
		...rankAnswers(catalogue, answers),
		quiz: { mode: 'full', asked, bank: catalogue.questions.length, settled: null }
	});
}

/** The adaptive quiz's result: the ranking of the profile the whole bank would most likely give. */
export function resultOfAdaptiveQuiz(catalogue: Catalogue, progress: AdaptiveProgress): NewResult {
	const { step } = progress;
	return newResult(catalogue, {
		...step.ranking,
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
