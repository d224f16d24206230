import { computeProfile, rankCareers, type Answers, type Profile, type Ranking } from '$lib/engine';
import { summarizeRanking } from '$lib/result-summary';
import type { Catalogue } from '../catalog/types';
import type { NewResult } from '../db/repositories/attempts';

/** Runs the engine over the catalogue. Pure apart from the catalogue it is given. */
export function rankAnswers(catalogue: Catalogue, answers: Answers): Ranking {
	return rankCareers(computeProfile(catalogue.questions, answers), catalogue.engineCareers, answers);
}

export function rankProfile(catalogue: Catalogue, profile: Profile): Ranking {
	return rankCareers(profile, catalogue.engineCareers);
}

/** What is stored when a quiz is finished: the ranking, its summary, and the versions that produced them. */
export function resultOfAnswers(catalogue: Catalogue, answers: Answers): NewResult {
	const ranking = rankAnswers(catalogue, answers);
	return {
		engineVersion: ranking.engineVersion,
		catalogueVersion: catalogue.version,
		ranking,
		summary: summarizeRanking(ranking)
	};
}
