import { similarity } from 'ml-distance';
import { RIASEC_IDS, SKILL_IDS, type DimensionId, type SkillId } from './dimensions';
import { assessProfile } from './quality';
import type {
	Answers,
	Band,
	Career,
	DimensionReading,
	Explanation,
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
 * A career's vector as arrays in dimension order: read by index in the ranking loop, instead of by string key
 * (which V8 cannot optimise across 26 keys). Prepare a catalogue once, rank against it often.
 */
export interface PreparedCareer {
	career: Career;
	riasec: number[];
	skills: number[];
	skillTotal: number;
	/** The spread of its six interests: whether it favours any. */
	riasecSpread: number;
	/** Its interests less their mean, and the sum of their squares: half of a Pearson correlation, done once. */
	riasecCentred: Centred;
}

/**
 * Values less their mean, and the sum of their squares, with the same arithmetic as ml-distance's
 * `pearson`: a correlation between two of them is the same number, bit for bit, without redoing each side.
 */
interface Centred {
	values: number[];
	squares: number;
}

function centred(values: ArrayLike<number>): Centred {
	let sum = 0;
	for (let i = 0; i < values.length; i += 1) sum += values[i]!;
	const average = sum / values.length;
	const out: number[] = [];
	let squares = 0;
	for (let i = 0; i < values.length; i += 1) {
		const value = values[i]! - average;
		out.push(value);
		squares += value * value;
	}
	return { values: out, squares };
}

function pearson(a: Centred, b: Centred): number {
	let cross = 0;
	for (let i = 0; i < a.values.length; i += 1) cross += a.values[i]! * b.values[i]!;
	return cross / Math.sqrt(a.squares * b.squares);
}

/**
 * Prepared careers come in slug order, so that the ranking breaks ties on a career's index rather than
 * by comparing strings.
 */
export function prepareCareers(careers: readonly Career[]): PreparedCareer[] {
	return [...careers]
		.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
		.map((career) => {
			const skills = SKILL_IDS.map((id) => career.vector.skills[id]);
			const riasec = RIASEC_IDS.map((id) => career.vector.riasec[id]);
			return {
				career,
				riasec,
				skills,
				skillTotal: skills.reduce((sum, value) => sum + value, 0),
				riasecSpread: spread(riasec, mean(riasec)),
				riasecCentred: centred(riasec)
			};
		});
}

/**
 * What the ranking needs from the profile, computed once rather than once per career: the known
 * dimensions (as indices), the person's interest mean and spread, and the weight of the interest block.
 * Plain arrays, not typed ones: a typed array of more than a few numbers costs an allocation outside the
 * heap, and a profile is prepared at every ranking (with typed arrays, this took a quarter of it).
 */
interface PreparedProfile {
	interestIndices: number[];
	interests: number[];
	interestMean: number;
	interestSpread: number;
	interestsCentred: Centred;
	/** 0 when the interest block says nothing (too few known, or flat). */
	interestWeight: number;
	/** Every interest known: a career's own arrays serve as they are. */
	allInterests: boolean;
	/** Room for a career's values on the known interests, when some are unknown (no array per career). */
	careerInterests: number[];
	skillIndices: number[];
	/** Every skill known: `skills` is in dimension order, as a career's are. */
	allSkills: boolean;
	skills: number[];
	/** The sum of the known skill levels. */
	skillsHeld: number;
	unknownSkillIndices: number[];
	skillConfidence: number[];
	/** Every skill fully measured (the whole bank, or the adaptive quiz's estimate): a weight needs no loop. */
	skillsAllMeasured: boolean;
}

function mean(values: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < values.length; i += 1) sum += values[i]!;
	return sum / values.length;
}

function spread(values: ArrayLike<number>, average: number): number {
	let squares = 0;
	for (let i = 0; i < values.length; i += 1) squares += (values[i]! - average) ** 2;
	return Math.sqrt(squares / values.length);
}

function prepare(profile: Profile): PreparedProfile {
	const { values, confidence } = profile;
	const interestIndices: number[] = [];
	const interests: number[] = [];
	let interestConfidence = 0;
	for (let index = 0; index < RIASEC_IDS.length; index += 1) {
		const id = RIASEC_IDS[index]!;
		const value = values[id];
		if (value !== null) {
			interestIndices.push(index);
			interests.push(value);
		}
		interestConfidence += confidence[id];
	}
	const skillIndices: number[] = [];
	const skills: number[] = [];
	const unknownSkillIndices: number[] = [];
	const skillConfidence: number[] = [];
	let skillsAllMeasured = true;
	let skillsHeld = 0;
	for (let index = 0; index < SKILL_IDS.length; index += 1) {
		const id = SKILL_IDS[index]!;
		const value = values[id];
		if (value === null) unknownSkillIndices.push(index);
		else {
			skillIndices.push(index);
			skills.push(value);
			skillsHeld += value;
		}
		skillConfidence.push(confidence[id]);
		skillsAllMeasured &&= confidence[id] === 1;
	}
	const interestMean = interests.length > 0 ? mean(interests) : 0;
	const interestSpread = interests.length > 0 ? spread(interests, interestMean) : 0;
	const usable = interestIndices.length >= MIN_KNOWN_INTERESTS && interestSpread >= EPSILON;
	return {
		interestIndices,
		interests,
		interestMean,
		interestSpread,
		interestsCentred: centred(interests),
		interestWeight: usable ? (BLEND.interests * interestConfidence) / RIASEC_IDS.length : 0,
		allInterests: interestIndices.length === RIASEC_IDS.length,
		careerInterests: interestIndices.map(() => 0),
		skillIndices,
		allSkills: skillIndices.length === SKILL_IDS.length,
		skills,
		skillsHeld,
		unknownSkillIndices,
		skillConfidence,
		skillsAllMeasured
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

/** The career's values on the interests the person answered: all six, or those copied into the room kept for them. */
function careerInterestsKnown(person: PreparedProfile, career: PreparedCareer): number[] {
	if (person.allInterests) return career.riasec;
	for (let k = 0; k < person.interestIndices.length; k += 1)
		person.careerInterests[k] = career.riasec[person.interestIndices[k]!]!;
	return person.careerInterests;
}

/**
 * Interest congruence: Pearson correlation between the person's and the career's RIASEC values (the known
 * ones), mapped from [-1, 1] to [0, 1]. Undefined — NaN — when fewer than three interests are known or the
 * person's interests are flat: a correlation then means nothing.
 */
function interestFit(person: PreparedProfile, career: PreparedCareer): number {
	if (person.interestWeight === 0) return Number.NaN;
	const job = careerInterestsKnown(person, career);
	const jobSpread = job === career.riasec ? career.riasecSpread : spread(job, mean(job));
	// A career that favours no interest over another is neither congruent nor incongruent with anyone.
	if (jobSpread < EPSILON) return 0.5;
	const r =
		job === career.riasec
			? pearson(person.interestsCentred, career.riasecCentred)
			: similarity.pearson(person.interests, job);
	return clamp((r + 1) / 2);
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
 * NaN when no skill the career needs is known.
 */
function skillFit(person: PreparedProfile, career: PreparedCareer): number {
	const needs = career.skills;
	const levels = person.skills;
	let required = 0;
	let covered = 0;
	if (person.allSkills) {
		for (let k = 0; k < needs.length; k += 1) {
			const need = needs[k]!;
			required += need;
			covered += Math.min(levels[k]!, need);
		}
	} else {
		const indices = person.skillIndices;
		for (let k = 0; k < indices.length; k += 1) {
			const need = needs[indices[k]!]!;
			required += need;
			covered += Math.min(levels[k]!, need);
		}
	}
	if (required < EPSILON) return Number.NaN;
	const used = person.skillsHeld < EPSILON ? 1 : covered / person.skillsHeld;
	return clamp((covered / required) ** SKILL_FIT.coverage * used ** (1 - SKILL_FIT.coverage));
}

/** The skill block's weight for this career: how much of what it needs the answers measured. */
function skillWeight(person: PreparedProfile, career: PreparedCareer): number {
	// Each need × 1, summed in the same order as the total: the same number, without the loop.
	if (person.skillsAllMeasured) return (BLEND.skills * career.skillTotal) / career.skillTotal;
	let answeredShare = 0;
	for (let index = 0; index < career.skills.length; index += 1)
		answeredShare += career.skills[index]! * person.skillConfidence[index]!;
	return (BLEND.skills * answeredShare) / career.skillTotal;
}

/** Every career's fits, in catalogue order (NaN for « says nothing »): the ranking's tight loop. */
interface Fits {
	overall: number[];
	interest: number[];
	skill: number[];
}

function fitsOf(person: PreparedProfile, careers: readonly PreparedCareer[]): Fits {
	const overall: number[] = [];
	const interests: number[] = [];
	const skills: number[] = [];
	for (let c = 0; c < careers.length; c += 1) {
		const career = careers[c]!;
		const interest = interestFit(person, career);
		const skill = skillFit(person, career);
		// A block that says nothing (NaN) weighs nothing.
		const interestKnown = !Number.isNaN(interest);
		const skillKnown = !Number.isNaN(skill);
		const interestWeight = interestKnown ? person.interestWeight : 0;
		const skillsWeight = skillKnown ? skillWeight(person, career) : 0;
		const totalWeight = interestWeight + skillsWeight;
		const weighted =
			(interestKnown ? interestWeight * interest : 0) + (skillKnown ? skillsWeight * skill : 0);
		overall.push(totalWeight > EPSILON ? clamp(weighted / totalWeight) : 0);
		interests.push(interest);
		skills.push(skill);
	}
	return { overall, interest: interests, skill: skills };
}

/**
 * The indices of `scores`, highest score first, an equal score keeping the lower index first: the order of
 * `indices.sort((a, b) => scores[b] - scores[a] || a - b)`, by a stable bottom-up merge sort that compares
 * in line. The platform's sort calls a comparator for each comparison, which made it the ranking's largest
 * cost after the fits themselves (about 3 times as slow for 62 careers, twice for 5,000).
 */
export function bestFirst(scores: readonly number[]): number[] {
	const count = scores.length;
	let from: number[] = [];
	let to: number[] = [];
	for (let i = 0; i < count; i += 1) {
		from.push(i);
		to.push(i);
	}
	for (let width = 1; width < count; width *= 2) {
		for (let start = 0; start < count; start += 2 * width) {
			const middle = Math.min(start + width, count);
			const end = Math.min(start + 2 * width, count);
			let left = start;
			let right = middle;
			let at = start;
			// Only a strictly higher score on the right goes first: that keeps the sort stable.
			while (left < middle && right < end)
				to[at++] = scores[from[right]!]! > scores[from[left]!]! ? from[right++]! : from[left++]!;
			while (left < middle) to[at++] = from[left++]!;
			while (right < end) to[at++] = from[right++]!;
		}
		[from, to] = [to, from];
	}
	return from;
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
 * the order follows the dimension order. Insertion into a short list: no sort.
 */
function keepStrongest(
	list: Ranked,
	max: number,
	strength: number,
	dimension: DimensionId,
	person: number,
	career: number
): void {
	const { strengths, readings } = list;
	let at = strengths.length;
	while (at > 0 && strengths[at - 1]! < strength) at -= 1;
	if (at >= max) return;
	// Shift the weaker ones down by one (the last falls off when the list is full): no splice, no sort.
	let end = strengths.length < max ? strengths.length : max - 1;
	for (; end > at; end -= 1) {
		strengths[end] = strengths[end - 1]!;
		readings[end] = readings[end - 1]!;
	}
	strengths[at] = strength;
	readings[at] = { dimension, person, career };
}

/**
 * The shared high points: interests the career leans on (z-score above 0.5) that the person likes more than
 * their own average, strongest first.
 */
function interestDrivers(person: PreparedProfile, career: PreparedCareer): DimensionReading[] {
	if (person.interestWeight === 0) return [];
	const job = careerInterestsKnown(person, career);
	// All six known: the career's own centred values and spread, computed once, are these same numbers.
	const jobCentred = job === career.riasec ? career.riasecCentred.values : centred(job).values;
	const jobSpread = job === career.riasec ? career.riasecSpread : spread(job, mean(job));
	if (jobSpread < EPSILON) return [];
	const drivers = ranked();
	for (let k = 0; k < job.length; k += 1) {
		const level = person.interests[k]!;
		const need = job[k]!;
		const personZ = (level - person.interestMean) / person.interestSpread;
		const jobZ = jobCentred[k]! / jobSpread;
		if (personZ > 0 && jobZ > DRIVER_MIN_CAREER_Z) {
			const dimension = RIASEC_IDS[person.interestIndices[k]!]!;
			keepStrongest(drivers, MAX_INTEREST_DRIVERS, personZ * jobZ, dimension, level, need);
		}
	}
	return drivers.readings;
}

/** The skills the career needs most that the profile does not measure, most needed first. */
function unknownNeeds(person: PreparedProfile, needs: readonly number[]): SkillId[] {
	if (person.unknownSkillIndices.length === 0) return [];
	return person.unknownSkillIndices
		.filter((index) => needs[index]! >= DRIVER_MIN_IMPORTANCE)
		.sort((a, b) => needs[b]! - needs[a]!)
		.slice(0, MAX_GAPS)
		.map((index) => SKILL_IDS[index]!);
}

function explanation(person: PreparedProfile, career: PreparedCareer): Explanation {
	const needs = career.skills;
	const drivers = ranked();
	const gaps = ranked();
	for (let k = 0; k < person.skillIndices.length; k += 1) {
		const index = person.skillIndices[k]!;
		const level = person.skills[k]!;
		const need = needs[index]!;
		if (need >= DRIVER_MIN_IMPORTANCE && level >= need - DRIVER_MAX_SHORTFALL) {
			keepStrongest(drivers, MAX_SKILL_DRIVERS, need * Math.min(level, need), SKILL_IDS[index]!, level, need);
		} else if (need >= GAP_MIN_IMPORTANCE && need - level >= GAP_MIN_SHORTFALL) {
			keepStrongest(gaps, MAX_GAPS, need * (need - level), SKILL_IDS[index]!, level, need);
		}
	}
	const interests = interestDrivers(person, career);
	return {
		drivers: interests.length === 0 ? drivers.readings : interests.concat(drivers.readings),
		gaps: gaps.readings,
		unknown: unknownNeeds(person, needs)
	};
}

/**
 * Why a career fits a profile and what is missing, as the ranking would have said it: for the careers a
 * page shows that a stored ranking did not explain (it explains its first few only).
 */
export function explainMatch(profile: Profile, career: Career | PreparedCareer): Explanation {
	const [prepared] = 'skillTotal' in career ? [career] : prepareCareers([career]);
	return explanation(prepare(profile), prepared!);
}

/**
 * Ranks every career for a profile, best first. Deterministic: equal overall fits are ordered by slug.
 * Give prepared careers (`prepareCareers`) to rank often against the same catalogue. `answers`, when
 * given, lets the quality note spot uniform answering; with `questions` too, acquiescence.
 *
 * Every career is scored in one loop over flat arrays; only the first `explain` matches get their
 * explanation (`explainMatch` gives any other's later, the same): a page shows five, a ranking has 60.
 */
export function rankCareers(
	profile: Profile,
	careers: readonly Career[] | readonly PreparedCareer[],
	answers?: Answers,
	questions?: readonly Question[],
	explain = Number.POSITIVE_INFINITY
): Ranking {
	const quality = assessProfile(profile, answers, questions);
	const person = prepare(profile);
	const prepared =
		careers.length > 0 && 'skillTotal' in careers[0]!
			? (careers as readonly PreparedCareer[])
			: prepareCareers(careers as readonly Career[]);
	const fits = fitsOf(person, prepared);
	// Prepared careers are in slug order: an equal fit keeps the earlier index first.
	const order = bestFirst(fits.overall);
	const matches: Match[] = new Array<Match>(order.length);
	for (let position = 0; position < order.length; position += 1) {
		const index = order[position]!;
		const career = prepared[index]!;
		const score = Math.round(fits.overall[index]! * 100);
		const interestFit = fits.interest[index]!;
		const skillFit = fits.skill[index]!;
		const match: Match = {
			slug: career.career.slug,
			score,
			band: bandFor(score, quality),
			interestFit: Number.isNaN(interestFit) ? null : interestFit,
			skillFit: Number.isNaN(skillFit) ? null : skillFit
		};
		if (position < explain) {
			const { drivers, gaps, unknown } = explanation(person, career);
			match.drivers = drivers;
			match.gaps = gaps;
			match.unknown = unknown;
		}
		matches[position] = match;
	}
	return { engineVersion: ENGINE_VERSION, profile, quality, matches };
}
