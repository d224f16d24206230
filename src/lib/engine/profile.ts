import {
	DIMENSION_IDS,
	RIASEC_IDS,
	SKILL_IDS,
	type DimensionId,
	type RiasecId,
	type SkillId
} from './dimensions';
import type { Answers, Profile, Question } from './types';

export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;

export function isLikertValue(value: unknown): value is number {
	return Number.isInteger(value) && (value as number) >= LIKERT_MIN && (value as number) <= LIKERT_MAX;
}

function emptyRecord<T>(fill: T): Record<DimensionId, T> {
	return Object.fromEntries(DIMENSION_IDS.map((id) => [id, fill])) as Record<DimensionId, T>;
}

/**
 * Answers → profile. Each dimension is the loading-weighted mean of the normalised answers (0–1) of the
 * questions that load on it; a reverse-keyed loading reads the answer the other way round. Confidence is
 * the answered share of the weight the question bank has on that dimension.
 *
 * Questions are walked in bank order, never in answer order, so that the floating-point sums (and therefore
 * the result) do not depend on the order in which answers were given. Answers to unknown questions and
 * values outside 1–5 are ignored: the edges validate, the engine stays total.
 */
export function computeProfile(questions: readonly Question[], answers: Answers): Profile {
	const weightedSum = emptyRecord(0);
	const answeredWeight = emptyRecord(0);
	const bankWeight = emptyRecord(0);

	for (const question of questions) {
		const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
		const normalised = isLikertValue(answer) ? (answer - LIKERT_MIN) / (LIKERT_MAX - LIKERT_MIN) : null;
		for (const dimension of DIMENSION_IDS) {
			const weight = question.loadings[dimension];
			if (!weight || !Number.isFinite(weight)) continue;
			const magnitude = Math.abs(weight);
			bankWeight[dimension] += magnitude;
			if (normalised === null) continue;
			answeredWeight[dimension] += magnitude;
			weightedSum[dimension] += magnitude * (weight > 0 ? normalised : 1 - normalised);
		}
	}

	const values = emptyRecord<number | null>(null);
	const confidence = emptyRecord(0);
	for (const dimension of DIMENSION_IDS) {
		if (answeredWeight[dimension] > 0) {
			values[dimension] = clamp01(weightedSum[dimension] / answeredWeight[dimension]);
			confidence[dimension] = clamp01(answeredWeight[dimension] / bankWeight[dimension]);
		}
	}
	return { values, confidence };
}

export interface PartialProfileInput {
	riasec?: Partial<Record<RiasecId, number>>;
	skills?: Partial<Record<SkillId, number>>;
}

/** A profile given directly as values (the API's `profile` input): given dimensions are fully known. */
export function profileFromValues(input: PartialProfileInput): Profile {
	const values = emptyRecord<number | null>(null);
	const confidence = emptyRecord(0);
	const given: [DimensionId, number | undefined][] = [
		...RIASEC_IDS.map((id) => [id, input.riasec?.[id]] as [DimensionId, number | undefined]),
		...SKILL_IDS.map((id) => [id, input.skills?.[id]] as [DimensionId, number | undefined])
	];
	for (const [dimension, value] of given) {
		if (typeof value === 'number' && Number.isFinite(value)) {
			values[dimension] = clamp01(value);
			confidence[dimension] = 1;
		}
	}
	return { values, confidence };
}

export function clamp01(value: number): number {
	if (!Number.isFinite(value)) return 0;
	return Math.min(1, Math.max(0, value));
}
