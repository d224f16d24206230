import { similarity } from 'ml-distance';
import { RIASEC_IDS, SKILL_IDS, type DimensionId, type RiasecId, type SkillId } from './dimensions';
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
 * A career's vector as flat arrays in dimension order: read by index in the ranking loop, instead of by
 * string key (which V8 cannot optimise across 26 keys). Prepare a catalogue once, rank against it often.
 */
export interface PreparedCareer {
	career: Career;
	riasec: Float64Array;
	skills: Float64Array;
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
	values: Float64Array;
	squares: number;
}

function centred(values: ArrayLike<number>): Centred {
	let sum = 0;
	for (let i = 0; i < values.length; i += 1) sum += values[i]!;
	const average = sum / values.length;
	const out = new Float64Array(values.length);
	let squares = 0;
	for (let i = 0; i < values.length; i += 1) {
		out[i] = values[i]! - average;
		squares += out[i]! * out[i]!;
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
			const skills = Float64Array.from(SKILL_IDS, (id) => career.vector.skills[id]);
			const riasec = Float64Array.from(RIASEC_IDS, (id) => career.vector.riasec[id]);
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
 */
interface PreparedProfile {
	interestIndices: number[];
	interests: Float64Array;
	interestMean: number;
	interestSpread: number;
	interestsCentred: Centred;
	/** 0 when the interest block says nothing (too few known, or flat). */
	interestWeight: number;
	/** Room for a career's values on the known interests, when some are unknown (no array per career). */
	careerInterests: Float64Array;
	skillIndices: number[];
	skills: Float64Array;
	/** The sum of the known skill levels. */
	skillsHeld: number;
	unknownSkillIndices: number[];
	skillConfidence: Float64Array;
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
	const interestMean = interests.length > 0 ? mean(interests) : 0;
	const interestSpread = interests.length > 0 ? spread(interests, interestMean) : 0;
	const usable = interestIndices.length >= MIN_KNOWN_INTERESTS && interestSpread >= EPSILON;
	let interestConfidence = 0;
	for (const id of RIASEC_IDS) interestConfidence += profile.confidence[id];
	const skillIndices = knownIndices(profile, SKILL_IDS, true);
	const skills = Float64Array.from(skillIndices, (i) => profile.values[SKILL_IDS[i]!] as number);
	let skillsHeld = 0;
	for (let k = 0; k < skills.length; k += 1) skillsHeld += skills[k]!;
	return {
		interestIndices,
		interests,
		interestMean,
		interestSpread,
		interestsCentred: centred(interests),
		interestWeight: usable ? (BLEND.interests * interestConfidence) / RIASEC_IDS.length : 0,
		careerInterests: new Float64Array(interestIndices.length),
		skillIndices,
		skills,
		skillsHeld,
		unknownSkillIndices: knownIndices(profile, SKILL_IDS, false),
		skillConfidence: Float64Array.from(SKILL_IDS, (id) => profile.confidence[id]),
		skillsAllMeasured: SKILL_IDS.every((id) => profile.confidence[id] === 1)
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
function careerInterestsKnown(person: PreparedProfile, career: PreparedCareer): Float64Array {
	if (person.interestIndices.length === RIASEC_IDS.length) return career.riasec;
	for (let k = 0; k < person.interestIndices.length; k += 1)
		person.careerInterests[k] = career.riasec[person.interestIndices[k]!]!;
	return person.careerInterests;
}

/**
 * Interest congruence: Pearson correlation between the person's and the career's RIASEC values (the known
 * ones), mapped from [-1, 1] to [0, 1]. Undefined — null — when fewer than three interests are known or the
 * person's interests are flat: a correlation then means nothing (and would be NaN).
 */
function interestFit(person: PreparedProfile, career: PreparedCareer): number | null {
	if (person.interestWeight === 0) return null;
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
 * Null when no skill the career needs is known.
 */
function skillFit(person: PreparedProfile, career: PreparedCareer): number | null {
	const needs = career.skills;
	let required = 0;
	let covered = 0;
	for (let k = 0; k < person.skillIndices.length; k += 1) {
		const need = needs[person.skillIndices[k]!]!;
		required += need;
		covered += Math.min(person.skills[k]!, need);
	}
	if (required < EPSILON) return null;
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
	overall: Float64Array;
	interest: Float64Array;
	skill: Float64Array;
}

function fitsOf(person: PreparedProfile, careers: readonly PreparedCareer[]): Fits {
	const fits: Fits = {
		overall: new Float64Array(careers.length),
		interest: new Float64Array(careers.length),
		skill: new Float64Array(careers.length)
	};
	for (let c = 0; c < careers.length; c += 1) {
		const career = careers[c]!;
		const interest = interestFit(person, career);
		const skill = skillFit(person, career);
		const interestWeight = interest === null ? 0 : person.interestWeight;
		const skillsWeight = skill === null ? 0 : skillWeight(person, career);
		const totalWeight = interestWeight + skillsWeight;
		fits.overall[c] =
			totalWeight > EPSILON
				? clamp((interestWeight * (interest ?? 0) + skillsWeight * (skill ?? 0)) / totalWeight)
				: 0;
		fits.interest[c] = interest ?? Number.NaN;
		fits.skill[c] = skill ?? Number.NaN;
	}
	return fits;
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

/**
 * The shared high points: interests the career leans on (z-score above 0.5) that the person likes more than
 * their own average, strongest first.
 */
function interestDrivers(person: PreparedProfile, career: PreparedCareer): DimensionReading[] {
	if (person.interestWeight === 0) return [];
	const job = careerInterestsKnown(person, career);
	const jobMean = mean(job);
	const jobSpread = spread(job, jobMean);
	if (jobSpread < EPSILON) return [];
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
	return drivers.readings;
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
	const unknown = person.unknownSkillIndices
		.filter((index) => needs[index]! >= DRIVER_MIN_IMPORTANCE)
		.sort((a, b) => needs[b]! - needs[a]!)
		.slice(0, MAX_GAPS)
		.map((index) => SKILL_IDS[index]!);
	return {
		drivers: [...interestDrivers(person, career), ...drivers.readings],
		gaps: gaps.readings,
		unknown
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
	const order = new Int32Array(prepared.length);
	for (let i = 0; i < order.length; i += 1) order[i] = i;
	// Prepared careers are in slug order: an equal fit keeps the earlier index first.
	const overall = fits.overall;
	order.sort((a, b) => overall[b]! - overall[a]! || a - b);
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
