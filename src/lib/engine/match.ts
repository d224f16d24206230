import { similarity } from 'ml-distance';
import { DIMENSION_IDS, RIASEC_IDS, SKILL_IDS, type DimensionId, type SkillId } from './dimensions';
import { assessProfile, spread } from './quality';
import type {
	Answers,
	Band,
	Career,
	DimensionReading,
	Match,
	Profile,
	ProfileQuality,
	Ranking
} from './types';

export const ENGINE_VERSION = '1.0.0';

/**
 * Overall fit = a weighted mean of the two blocks. Interests weigh more: they predict satisfaction and
 * persistence in a field, while novices' self-rated skills are less reliable — and skills can be learnt,
 * which is what the gaps and trainings are for. Each block's weight is further scaled by how much of it
 * the person answered, so an unanswered block neither helps nor hurts.
 */
export const BLEND = { interests: 0.6, skills: 0.4 } as const;

/** Score thresholds (0–100) of the bands; below `proche`, a career is « à explorer ». */
export const BAND_THRESHOLDS = { tres_proche: 75, proche: 62 } as const;

const MIN_KNOWN_INTERESTS = 3;
const EPSILON = 1e-12;

/** A skill the career needs at least this much can explain a match or be a gap. */
const DRIVER_MIN_IMPORTANCE = 0.6;
const GAP_MIN_IMPORTANCE = 0.5;
/** A gap is a shortfall of at least this much (about one answer step on the 5-point scale). */
const GAP_MIN_SHORTFALL = 0.2;
const MAX_INTEREST_DRIVERS = 2;
const MAX_SKILL_DRIVERS = 3;
const MAX_GAPS = 3;

const dimensionOrder = new Map<DimensionId, number>(DIMENSION_IDS.map((id, index) => [id, index]));

interface BlockFit {
	fit: number;
	weight: number;
}

/**
 * Interest congruence: Pearson correlation between the person's and the career's RIASEC values (the known
 * ones), mapped from [-1, 1] to [0, 1]. Undefined — null — when fewer than three interests are known or the
 * person's interests are flat: a correlation then means nothing (and would be NaN).
 */
export function interestFit(profile: Profile, career: Career): BlockFit | null {
	const known = RIASEC_IDS.filter((id) => profile.values[id] !== null);
	if (known.length < MIN_KNOWN_INTERESTS) return null;
	const person = known.map((id) => profile.values[id] as number);
	const job = known.map((id) => career.vector.riasec[id]);
	if (spread(person) < EPSILON) return null;
	// A career that favours no interest over another is neither congruent nor incongruent with anyone.
	const r = spread(job) < EPSILON ? 0 : similarity.pearson(person, job);
	if (!Number.isFinite(r)) return null;
	const confidence = RIASEC_IDS.reduce((sum, id) => sum + profile.confidence[id], 0) / RIASEC_IDS.length;
	return { fit: clamp((r + 1) / 2), weight: BLEND.interests * confidence };
}

/**
 * Skill coverage, level-aware: the share of what the career needs that the person's levels cover,
 * Σ min(person, career) / Σ career over the known skills — each skill counted as much as the job needs it.
 * Unlike a cosine, it tells apart someone who rates everything low from a job that needs everything high,
 * and raising a skill the career needs can never lower it. A surplus is not held against anyone.
 */
export function skillFit(profile: Profile, career: Career): BlockFit | null {
	const known = SKILL_IDS.filter((id) => profile.values[id] !== null && career.vector.skills[id] > 0);
	const required = known.reduce((sum, id) => sum + career.vector.skills[id], 0);
	if (required < EPSILON) return null;
	const covered = similarity.intersection(
		known.map((id) => profile.values[id] as number),
		known.map((id) => career.vector.skills[id])
	);
	const totalRequired = SKILL_IDS.reduce((sum, id) => sum + career.vector.skills[id], 0);
	const confidence =
		SKILL_IDS.reduce((sum, id) => sum + career.vector.skills[id] * profile.confidence[id], 0) / totalRequired;
	return { fit: clamp(covered / required), weight: BLEND.skills * confidence };
}

function clamp(value: number): number {
	return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function bandFor(score: number, quality: ProfileQuality): Band {
	// A weak profile gives leads to explore, never a confident « très proche ».
	if (quality.level === 'weak') return 'a_explorer';
	if (score >= BAND_THRESHOLDS.tres_proche) return 'tres_proche';
	if (score >= BAND_THRESHOLDS.proche) return 'proche';
	return 'a_explorer';
}

function byStrengthThenDimension(a: [DimensionReading, number], b: [DimensionReading, number]): number {
	return b[1] - a[1] || dimensionOrder.get(a[0].dimension)! - dimensionOrder.get(b[0].dimension)!;
}

function interestDrivers(profile: Profile, career: Career): DimensionReading[] {
	const known = RIASEC_IDS.filter((id) => profile.values[id] !== null);
	if (known.length < MIN_KNOWN_INTERESTS) return [];
	const person = known.map((id) => profile.values[id] as number);
	const job = known.map((id) => career.vector.riasec[id]);
	const personMean = mean(person);
	const jobMean = mean(job);
	const personSpread = spread(person);
	const jobSpread = spread(job);
	if (personSpread < EPSILON || jobSpread < EPSILON) return [];
	const scored: [DimensionReading, number][] = [];
	known.forEach((dimension, index) => {
		const personZ = (person[index]! - personMean) / personSpread;
		const jobZ = (job[index]! - jobMean) / jobSpread;
		// A shared high point: the career leans on it and the person likes it more than their own average.
		if (personZ > 0 && jobZ > 0.5) {
			scored.push([{ dimension, person: person[index]!, career: job[index]! }, personZ * jobZ]);
		}
	});
	return strongest(scored, MAX_INTEREST_DRIVERS);
}

/** The skills whose level the profile knows, next to what the career asks. */
function knownSkillReadings(profile: Profile, career: Career): DimensionReading[] {
	const readings: DimensionReading[] = [];
	for (const dimension of SKILL_IDS) {
		const person = profile.values[dimension];
		if (person !== null) readings.push({ dimension, person, career: career.vector.skills[dimension] });
	}
	return readings;
}

function strongest(scored: [DimensionReading, number][], count: number): DimensionReading[] {
	return scored
		.sort(byStrengthThenDimension)
		.slice(0, count)
		.map(([reading]) => reading);
}

function skillDrivers(profile: Profile, career: Career): DimensionReading[] {
	const scored = knownSkillReadings(profile, career)
		.filter((r) => r.career >= DRIVER_MIN_IMPORTANCE && r.person >= r.career - 0.1)
		.map((r): [DimensionReading, number] => [r, r.career * Math.min(r.person, r.career)]);
	return strongest(scored, MAX_SKILL_DRIVERS);
}

function skillGaps(profile: Profile, career: Career): DimensionReading[] {
	const scored = knownSkillReadings(profile, career)
		.filter((r) => r.career >= GAP_MIN_IMPORTANCE && r.career - r.person >= GAP_MIN_SHORTFALL)
		.map((r): [DimensionReading, number] => [r, r.career * (r.career - r.person)]);
	return strongest(scored, MAX_GAPS);
}

function unknownNeeds(profile: Profile, career: Career): SkillId[] {
	return SKILL_IDS.filter(
		(id) => profile.values[id] === null && career.vector.skills[id] >= DRIVER_MIN_IMPORTANCE
	)
		.sort((a, b) => career.vector.skills[b] - career.vector.skills[a])
		.slice(0, MAX_GAPS);
}

function mean(values: readonly number[]): number {
	return values.reduce((sum, value) => sum + value, 0) / values.length;
}

interface ScoredMatch {
	match: Match;
	overall: number;
}

export function matchCareer(profile: Profile, career: Career, quality: ProfileQuality): ScoredMatch {
	const interests = interestFit(profile, career);
	const skills = skillFit(profile, career);
	const blocks = [interests, skills].filter((block): block is BlockFit => block !== null && block.weight > 0);
	const totalWeight = blocks.reduce((sum, block) => sum + block.weight, 0);
	const overall =
		totalWeight > EPSILON ? clamp(blocks.reduce((sum, b) => sum + b.weight * b.fit, 0) / totalWeight) : 0;
	const score = Math.round(overall * 100);
	return {
		overall,
		match: {
			slug: career.slug,
			score,
			band: bandFor(score, quality),
			interestFit: interests ? interests.fit : null,
			skillFit: skills ? skills.fit : null,
			drivers: [...interestDrivers(profile, career), ...skillDrivers(profile, career)],
			gaps: skillGaps(profile, career),
			unknown: unknownNeeds(profile, career)
		}
	};
}

/**
 * Ranks every career for a profile, best first. Deterministic: equal overall fits are ordered by slug.
 * `answers`, when given, lets the quality note spot uniform answering.
 */
export function rankCareers(profile: Profile, careers: readonly Career[], answers?: Answers): Ranking {
	const quality = assessProfile(profile, answers);
	const matches = careers
		.map((career) => matchCareer(profile, career, quality))
		.sort(
			(a, b) =>
				b.overall - a.overall || (a.match.slug < b.match.slug ? -1 : a.match.slug > b.match.slug ? 1 : 0)
		)
		.map(({ match }) => match);
	return { engineVersion: ENGINE_VERSION, profile, quality, matches };
}
