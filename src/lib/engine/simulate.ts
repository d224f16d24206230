import { DIMENSION_IDS } from './dimensions';
import { LIKERT_MAX, LIKERT_MIN } from './profile';
import type { Answers, CareerVector, Question } from './types';

/**
 * Simulated respondents, for the identifiability tests and the evaluation: the answers a person whose
 * profile is `vector` would give. For an item with loadings w and a profile v, the agreement is
 * g = Σ|w|·v′ / Σ|w|, with v′ = v for a positive loading and 1 − v for a negative one (a reverse-keyed item);
 * the answer is round(1 + 4g), clamped to 1–5. A noisy respondent adds Gaussian noise (σ in answer steps)
 * before rounding.
 */

/** The same seed gives the same respondents. */
export { seededRandom } from '../seeded-random';

/** A standard normal draw (Box–Muller). */
export function gaussian(random: () => number): number {
	const u = 1 - random();
	const v = random();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function vectorValue(vector: CareerVector, dimension: string): number {
	return (
		(vector.riasec as Record<string, number>)[dimension] ??
		(vector.skills as Record<string, number>)[dimension] ??
		0
	);
}

/** The agreement 0–1 of a respondent with an item, before the answer scale. */
export function agreement(question: Question, vector: CareerVector): number {
	let total = 0;
	let agreed = 0;
	for (const dimension of DIMENSION_IDS) {
		const weight = question.loadings[dimension];
		if (!weight) continue;
		const value = vectorValue(vector, dimension);
		total += Math.abs(weight);
		agreed += Math.abs(weight) * (weight > 0 ? value : 1 - value);
	}
	return total === 0 ? 0.5 : agreed / total;
}

/** One simulated answer; `noise` is a draw already scaled to answer steps (0 for a faithful respondent). */
export function simulatedAnswer(question: Question, vector: CareerVector, noise = 0): number {
	const raw = Math.round(LIKERT_MIN + (LIKERT_MAX - LIKERT_MIN) * agreement(question, vector) + noise);
	return Math.min(LIKERT_MAX, Math.max(LIKERT_MIN, raw));
}

/** A respondent's answers to `questions`; with `random` and `sigma`, each answer gets Gaussian noise. */
export function simulatedAnswers(
	questions: readonly Question[],
	vector: CareerVector,
	noisy?: { random: () => number; sigma: number }
): Answers {
	const answers: Record<string, number> = {};
	for (const question of questions)
		answers[question.id] = simulatedAnswer(
			question,
			vector,
			noisy ? noisy.sigma * gaussian(noisy.random) : 0
		);
	return answers;
}
