import { describe, expect, it } from 'vitest';
import { computeProfile, prepareCareers, rankCareers } from '$lib/engine';
import { seededRandom, simulatedAnswers } from '$lib/engine/simulate';
import { loadCatalogueContent } from './content';

/**
 * Every career can be found by the quiz: answers simulated from its own vector rank it first, and noisy
 * versions of those answers (σ = 0.7 answer step) keep it in the top 3 at least 90 % of the time. It runs on
 * the whole catalogue, so a career added later that the quiz cannot tell from a neighbour fails here, by name.
 */
const content = loadCatalogueContent('content');
const questions = content.questions;
const careers = prepareCareers(content.careers.map(({ slug, vector }) => ({ slug, vector })));
const NOISY_RESPONDENTS = 100;

describe('every career is identifiable by the quiz', () => {
	it.each(content.careers.map((career) => [career.slug, career] as const))('%s', (slug, career) => {
		const ranking = rankCareers(
			computeProfile(questions, simulatedAnswers(questions, career.vector)),
			careers
		);
		expect(ranking.matches[0]!.slug, `${slug}'s own answers rank ${ranking.matches[0]!.slug} first`).toBe(
			slug
		);

		const random = seededRandom([...slug].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) >>> 0, 7));
		let inTopThree = 0;
		for (let i = 0; i < NOISY_RESPONDENTS; i += 1) {
			const answers = simulatedAnswers(questions, career.vector, { random, sigma: 0.7 });
			const top = rankCareers(computeProfile(questions, answers), careers).matches.slice(0, 3);
			if (top.some((match) => match.slug === slug)) inTopThree += 1;
		}
		expect(inTopThree / NOISY_RESPONDENTS, `${slug} in the top 3 under noise`).toBeGreaterThanOrEqual(0.9);
	});
});
