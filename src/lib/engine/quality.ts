import { DIMENSION_IDS, RIASEC_IDS, SKILL_IDS, type DimensionId } from './dimensions';
import type { Answers, Profile, ProfileQuality, QualityFlag, Question } from './types';

/** Below this standard deviation, a block of the profile says little about what the person prefers. */
export const FLAT_INTEREST_SPREAD = 0.1;
export const FLAT_SKILL_SPREAD = 0.08;
/** Below this share of known dimensions, the profile rests on too few answers. */
export const MIN_COVERAGE = 0.5;
const MIN_ANSWERS_FOR_UNIFORMITY = 8;
/** An item counts in the acquiescence check when it loads this much on a dimension. */
const ACQUIESCENCE_MIN_LOADING = 0.5;
/** Agreeing with both sides on this many dimensions, and on this share of those checkable, is acquiescence. */
const ACQUIESCENCE_MIN_DIMENSIONS = 2;
const ACQUIESCENCE_MIN_SHARE = 0.5;
const AGREE = 4;

function knownValues(profile: Profile, ids: readonly DimensionId[]): number[] {
	const known: number[] = [];
	for (let i = 0; i < ids.length; i += 1) {
		const value = profile.values[ids[i]!];
		if (value !== null) known.push(value);
	}
	return known;
}

/** Population standard deviation; 0 for fewer than two values. */
export function spread(values: readonly number[]): number {
	if (values.length < 2) return 0;
	let sum = 0;
	for (let i = 0; i < values.length; i += 1) sum += values[i]!;
	const mean = sum / values.length;
	let squares = 0;
	for (let i = 0; i < values.length; i += 1) squares += (values[i]! - mean) ** 2;
	return Math.sqrt(squares / values.length);
}

/**
 * Says how far the profile can be trusted. A flat profile (every interest alike) gives no direction: it is
 * reported as such rather than ranked with false confidence.
 */
export function assessProfile(
	profile: Profile,
	answers?: Answers,
	questions?: readonly Question[]
): ProfileQuality {
	const interests = knownValues(profile, RIASEC_IDS);
	const skills = knownValues(profile, SKILL_IDS);
	const coverage = (interests.length + skills.length) / DIMENSION_IDS.length;
	const interestSpread = spread(interests);
	const skillSpread = spread(skills);

	const flags: QualityFlag[] = [];
	if (coverage < MIN_COVERAGE) flags.push('few_answers');
	if (interests.length < 3 || interestSpread < FLAT_INTEREST_SPREAD) flags.push('flat_interests');
	if (skills.length >= 2 && skillSpread < FLAT_SKILL_SPREAD) flags.push('flat_skills');
	if (answers && hasUniformAnswers(answers)) flags.push('uniform_answers');
	else if (answers && questions && acquiesces(questions, answers)) flags.push('acquiescence');

	const weak =
		coverage < MIN_COVERAGE / 2 ||
		flags.includes('uniform_answers') ||
		(flags.includes('flat_interests') && (skills.length < 2 || flags.includes('flat_skills')));
	const level = weak ? 'weak' : flags.length > 0 ? 'limited' : 'good';
	return { level, flags, coverage, interestSpread, skillSpread };
}

/**
 * Acquiescence: agreeing with a statement and with its opposite — « j'aime aider les autres » and « aider
 * les autres, ce n'est pas pour moi ». For each dimension with an answered item on each side (positive and
 * reverse-keyed), agreeing with both is a contradiction; several of them, on at least half of those
 * dimensions, mean the answers say « oui » more than they describe the person.
 */
export function acquiesces(questions: readonly Question[], answers: Answers): boolean {
	const sides = new Map<
		DimensionId,
		{ agreedFor: boolean; agreedAgainst: boolean; for: boolean; against: boolean }
	>();
	for (const question of questions) {
		const answer = answers[question.id];
		if (answer === undefined) continue;
		for (const id of DIMENSION_IDS) {
			const weight = question.loadings[id] ?? 0;
			if (Math.abs(weight) < ACQUIESCENCE_MIN_LOADING) continue;
			const side = sides.get(id) ?? { agreedFor: false, agreedAgainst: false, for: false, against: false };
			if (weight > 0) {
				side.for = true;
				side.agreedFor ||= answer >= AGREE;
			} else {
				side.against = true;
				side.agreedAgainst ||= answer >= AGREE;
			}
			sides.set(id, side);
		}
	}
	const checkable = [...sides.values()].filter((side) => side.for && side.against);
	const contradictions = checkable.filter((side) => side.agreedFor && side.agreedAgainst).length;
	return (
		contradictions >= ACQUIESCENCE_MIN_DIMENSIONS &&
		contradictions >= ACQUIESCENCE_MIN_SHARE * checkable.length
	);
}

function hasUniformAnswers(answers: Answers): boolean {
	const values = Object.values(answers);
	return values.length >= MIN_ANSWERS_FOR_UNIFORMITY && values.every((value) => value === values[0]);
}
