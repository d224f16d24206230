import { computeProfile, rankCareers, type Answers, type Profile, type Ranking } from '$lib/engine';
import type { Catalogue } from './catalog';

/** Runs the engine over the catalogue. Pure apart from the catalogue it is given. */
export function rankAnswers(catalogue: Catalogue, answers: Answers): Ranking {
	return rankCareers(computeProfile(catalogue.questions, answers), catalogue.engineCareers, answers);
}

export function rankProfile(catalogue: Catalogue, profile: Profile): Ranking {
	return rankCareers(profile, catalogue.engineCareers);
}
