import { similarity } from 'ml-distance';
import { RIASEC_IDS, SKILL_IDS, type DimensionId, type RiasecId, type SkillId } from './dimensions';
import { assessProfile } from './quality';
import type {
	Answers,
	Band,
	Career,
	DimensionReading,
	Match,
	Profile,
	ProfileQuality,
	Question,
	Ranking
} from './types';

export const ENGINE_VERSION = '1.1.0';

/**
 * Overall fit = a weighted mean of the two blocks. Interests weigh more: they predict satisfaction and
 * persistence in a field, while novices' self-rated skills are less reliable — and skills can be learnt,
 * which is what the gaps and trainings are for. Each block's weight is further scaled by how much of it
 * the person answered, so an unanswered block neither helps nor hurts.
 */
export const BLEND = { interests: 0.6, skills: 0.4 } as const;

/** Score thresholds (0–100) of the bands; below `proche`, a career is « à explorer ». */
export const BAND_THRESHOLDS = { tres_proche: 75, proche: 62 } as const;

/** The weight of coverage against use in the skill fit (see `skillPart`). */
export const SKILL_FIT = { coverage: 0.7 } as const;

const MIN_KNOWN_INTERESTS = 3;
const EPSILON = 1e-12;

/** A skill the career needs at least this much can explain a match or be a gap. */
const DRIVER_MIN_IMPORTANCE = 0.6;
/** A skill explains a match when the person is at most this much below what the career needs. */
const DRIVER_MAX_SHORTFALL = 0.1;
const GAP_MIN_IMPORTANCE = 0.5;
/** A gap is a shortfall of at least this much (about one answer step on the 5-point scale). */
const GAP_MIN_SHORTFALL = 0.2;
/** An interest explains a match when the career leans on it (z-score above this) and the person likes it. */
const DRIVER_MIN_CAREER_Z = 0.5;
const MAX_INTEREST_DRIVERS = 2;
const MAX_SKILL_DRIVERS = 3;
const MAX_GAPS = 3;

/**
 * A career's vector as flat arrays in dimension order: read by index in the ranking loop, instead of by
 * string key (which V8 cannot optimise across 26 keys). Prepare a catalogue once, rank against it often.
 */
export interface PreparedCareer {
	career: Career;
	riasec: Float64Array;
	skills: Float64Array;
	skillTotal: number;
}

export function prepareCareers(careers: readonly Career[]): PreparedCareer[] {
	return careers.map((career) => {
		const skills = Float64Array.from(SKILL_IDS, (id) => career.vector.skills[id]);
		return {
			career,
			riasec: Float64Array.from(RIASEC_IDS, (id) => career.vector.riasec[id]),
			skills,
			skillTotal: skills.reduce((sum, value) => sum + value, 0)
		};
	});
}

/**
 * What the ranking needs from the profile, computed once rather than once per career: the known
 * dimensions (as indices), the person's interest mean and spread, and the weight of the interest block.
 */
interface PreparedProfile {
	interestIndices: number[];
	interests: Float64Array;
	interestMean: number;
	interestSpread: number;
	/** 0 when the interest block says nothing (too few known, or flat). */
	interestWeight: number;
	skillIndices: number[];
	skills: Float64Array;
	unknownSkillIndices: number[];
	skillConfidence: Float64Array;
}

function meanAndSpread(values: ArrayLike<number>): [number, number] {
	let sum = 0;
	for (let i = 0; i < values.length; i += 1) sum += values[i]!;
	const mean = sum / values.length;
	let squares = 0;
	for (let i = 0; i < values.length; i += 1) squares += (values[i]! - mean) ** 2;
	return [mean, Math.sqrt(squares / values.length)];
}

function knownIndices(profile: Profile, ids: readonly (RiasecId | SkillId)[], known: boolean): number[] {
	const indices: number[] = [];
	ids.forEach((id, index) => {
		if ((profile.values[id] !== null) === known) indices.push(index);
	});
	return indices;
}

function prepare(profile: Profile): PreparedProfile {
	const interestIndices = knownIndices(profile, RIASEC_IDS, true);
	const interests = Float64Array.from(interestIndices, (i) => profile.values[RIASEC_IDS[i]!] as number);
	const [interestMean, interestSpread] = interests.length > 0 ? meanAndSpread(interests) : [0, 0];
	const usable = interestIndices.length >= MIN_KNOWN_INTERESTS && interestSpread >= EPSILON;
	let interestConfidence = 0;
	for (const id of RIASEC_IDS) interestConfidence += profile.confidence[id];
	const skillIndices = knownIndices(profile, SKILL_IDS, true);
	return {
		interestIndices,
		interests,
		interestMean,
		interestSpread,
		interestWeight: usable ? (BLEND.interests * interestConfidence) / RIASEC_IDS.length : 0,
		skillIndices,
		skills: Float64Array.from(skillIndices, (i) => profile.values[SKILL_IDS[i]!] as number),
		unknownSkillIndices: knownIndices(profile, SKILL_IDS, false),
		skillConfidence: Float64Array.from(SKILL_IDS, (id) => profile.confidence[id])
	};
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

interface Ranked {
	readings: DimensionReading[];
	strengths: number[];
}

function ranked(): Ranked {
	return { readings: [], strengths: [] };
}

/**
 * Keeps the `max` strongest readings, strongest first; an equal strength keeps the earlier one first, so
 * the order follows the dimension order. Insertion into a short list: no sort, no garbage per career.
 */
function keepStrongest(
	list: Ranked,
	max: number,
	strength: number,
	dimension: DimensionId,
	person: number,
	career: number
): void {
	let at = list.strengths.length;
	while (at > 0 && list.strengths[at - 1]! < strength) at -= 1;
	if (at >= max) return;
	list.strengths.splice(at, 0, strength);
	list.readings.splice(at, 0, { dimension, person, career });
	if (list.readings.length > max) {
		list.strengths.pop();
		list.readings.pop();
	}
}

interface InterestPart {
	/** Pearson mapped to 0–1, or null when the profile says nothing about interests. */
	fit: number | null;
	drivers: DimensionReading[];
}

/**
 * Interest congruence: Pearson correlation between the person's and the career's RIASEC values (the known
 * ones), mapped from [-1, 1] to [0, 1]. Undefined — null — when fewer than three interests are known or the
 * person's interests are flat: a correlation then means nothing (and would be NaN). The drivers are the
 * shared high points: letters the career leans on that the person likes more than their own average.
 */
function interestPart(person: PreparedProfile, career: PreparedCareer): InterestPart {
	if (person.interestWeight === 0) return { fit: null, drivers: [] };
	const complete = person.interestIndices.length === RIASEC_IDS.length;
	const job = complete ? career.riasec : Float64Array.from(person.interestIndices, (i) => career.riasec[i]!);
	const [jobMean, jobSpread] = meanAndSpread(job);
	// A career that favours no interest over another is neither congruent nor incongruent with anyone.
	if (jobSpread < EPSILON) return { fit: 0.5, drivers: [] };
	const r = similarity.pearson(person.interests, job);
	const drivers = ranked();
	for (let k = 0; k < job.length; k += 1) {
		const level = person.interests[k]!;
		const need = job[k]!;
		const personZ = (level - person.interestMean) / person.interestSpread;
		const jobZ = (need - jobMean) / jobSpread;
		if (personZ > 0 && jobZ > DRIVER_MIN_CAREER_Z) {
			const dimension = RIASEC_IDS[person.interestIndices[k]!]!;
			keepStrongest(drivers, MAX_INTEREST_DRIVERS, personZ * jobZ, dimension, level, need);
		}
	}
	return { fit: clamp((r + 1) / 2), drivers: drivers.readings };
}

interface SkillPart {
	/** Coverage 0–1, or null when no skill the career needs is known. */
	fit: number | null;
	weight: number;
	drivers: DimensionReading[];
	gaps: DimensionReading[];
	unknown: SkillId[];
}

/**
 * Skill fit, level-aware, from two shares over the known skills:
 * - coverage, Σ min(person, career) / Σ career: how much of what the career needs the person's levels cover,
 *   each skill counted as much as the job needs it. Unlike a cosine, it tells apart someone who rates
 *   everything low from a job that needs everything high;
 * - use, Σ min(person, career) / Σ person: how much of the person's strengths the career puts to work.
 * fit = coverage^0.7 × use^0.3. Coverage alone ignored every surplus, so of two close careers the one that
 * needs less always tied with the one that needs what the person has (an architect's answers ranked the
 * administrator first); use breaks that tie the right way. Raising a skill up to what the career needs
 * never lowers the fit; beyond it, the fit eases a little (the career uses less of the person).
 */
function skillPart(person: PreparedProfile, career: PreparedCareer): SkillPart {
	const needs = career.skills;
	let required = 0;
	let covered = 0;
	const drivers = ranked();
	const gaps = ranked();
	for (let k = 0; k < person.skillIndices.length; k += 1) {
		const index = person.skillIndices[k]!;
		const level = person.skills[k]!;
		const need = needs[index]!;
		required += need;
		covered += Math.min(level, need);
		if (need >= DRIVER_MIN_IMPORTANCE && level >= need - DRIVER_MAX_SHORTFALL) {
			const dimension = SKILL_IDS[index]!;
			keepStrongest(drivers, MAX_SKILL_DRIVERS, need * Math.min(level, need), dimension, level, need);
		} else if (need >= GAP_MIN_IMPORTANCE && need - level >= GAP_MIN_SHORTFALL) {
			const dimension = SKILL_IDS[index]!;
			keepStrongest(gaps, MAX_GAPS, need * (need - level), dimension, level, need);
		}
	}
	let answeredShare = 0;
	for (let index = 0; index < needs.length; index += 1)
		answeredShare += needs[index]! * person.skillConfidence[index]!;

	const unknown =
		person.unknownSkillIndices.length === 0
			? []
			: person.unknownSkillIndices
					.filter((index) => needs[index]! >= DRIVER_MIN_IMPORTANCE)
					.sort((a, b) => needs[b]! - needs[a]!)
					.slice(0, MAX_GAPS)
					.map((index) => SKILL_IDS[index]!);

	let held = 0;
	for (let k = 0; k < person.skills.length; k += 1) held += person.skills[k]!;
	const used = held < EPSILON ? 1 : covered / held;
	const fit =
		required < EPSILON
			? null
			: clamp((covered / required) ** SKILL_FIT.coverage * used ** (1 - SKILL_FIT.coverage));
	return {
		fit,
		weight: fit === null ? 0 : (BLEND.skills * answeredShare) / career.skillTotal,
		drivers: drivers.readings,
		gaps: gaps.readings,
		unknown
	};
}

function matchPrepared(person: PreparedProfile, career: PreparedCareer, quality: ProfileQuality) {
	const interests = interestPart(person, career);
	const skills = skillPart(person, career);
	const interestWeight = interests.fit === null ? 0 : person.interestWeight;
	const totalWeight = interestWeight + skills.weight;
	const overall =
		totalWeight > EPSILON
			? clamp((interestWeight * (interests.fit ?? 0) + skills.weight * (skills.fit ?? 0)) / totalWeight)
			: 0;
	const score = Math.round(overall * 100);
	const match: Match = {
		slug: career.career.slug,
		score,
		band: bandFor(score, quality),
		interestFit: interests.fit,
		skillFit: skills.fit,
		drivers: [...interests.drivers, ...skills.drivers],
		gaps: skills.gaps,
		unknown: skills.unknown
	};
	return { match, overall };
}

/**
 * Ranks every career for a profile, best first. Deterministic: equal overall fits are ordered by slug.
 * Give prepared careers (`prepareCareers`) to rank often against the same catalogue. `answers`, when
 * given, lets the quality note spot uniform answering; with `questions` too, acquiescence.
 */
export function rankCareers(
	profile: Profile,
	careers: readonly Career[] | readonly PreparedCareer[],
	answers?: Answers,
	questions?: readonly Question[]
): Ranking {
	const quality = assessProfile(profile, answers, questions);
	const person = prepare(profile);
	const prepared =
		careers.length > 0 && 'skillTotal' in careers[0]!
			? (careers as readonly PreparedCareer[])
			: prepareCareers(careers as readonly Career[]);
	const matches = prepared
		.map((career) => matchPrepared(person, career, quality))
		.sort(
			(a, b) =>
				b.overall - a.overall || (a.match.slug < b.match.slug ? -1 : a.match.slug > b.match.slug ? 1 : 0)
		)
		.map(({ match }) => match);
	return { engineVersion: ENGINE_VERSION, profile, quality, matches };
}
