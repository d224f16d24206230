import type { DimensionId, RiasecId, SkillId } from './dimensions';

/** A Likert answer: 1 = pas du tout d'accord … 5 = tout à fait d'accord. */
export type LikertValue = 1 | 2 | 3 | 4 | 5;

/** Question id → answer. Skipped questions are simply absent. */
export type Answers = Readonly<Record<string, number>>;

export interface Question {
	id: string;
	/** Dimension id → weight in [-1, 1]; a negative weight means the question is reverse-keyed. */
	loadings: Readonly<Partial<Record<DimensionId, number>>>;
}

export interface CareerVector {
	riasec: Readonly<Record<RiasecId, number>>;
	skills: Readonly<Record<SkillId, number>>;
}

export interface Career {
	slug: string;
	vector: CareerVector;
}

/** A person's profile. `null` means unknown (nothing answered behind it), never zero. */
export interface Profile {
	values: Record<DimensionId, number | null>;
	/** 0–1: how much answered weight stands behind each value, relative to what the question bank offers. */
	confidence: Record<DimensionId, number>;
	/**
	 * The adaptive quiz's profiles are estimates of what the whole bank would give (see `adaptive.ts`): each
	 * value is complete (confidence 1), and this says how much of it was measured — the answered share of
	 * the bank's weight on the dimension. Absent for a profile read from answers alone.
	 */
	measured?: Record<DimensionId, number>;
}

export type Band = 'tres_proche' | 'proche' | 'a_explorer';

export interface DimensionReading {
	dimension: DimensionId;
	/** The person's value, 0–1. */
	person: number;
	/** The career's value, 0–1. */
	career: number;
}

export interface Explanation {
	/** Why this career fits: dimensions where the person and the career meet, strongest first. */
	drivers: DimensionReading[];
	/** What to develop: skills the career needs that the profile rates clearly lower, largest first. */
	gaps: DimensionReading[];
	/** Skills the career needs a lot that the profile does not measure yet. */
	unknown: SkillId[];
}

/**
 * A career's place in a ranking. The first matches carry their explanation; the others get it on demand
 * (`explainMatch`), from the profile stored with the ranking.
 */
export interface Match extends Partial<Explanation> {
	slug: string;
	/** 0–100, rounded. */
	score: number;
	band: Band;
	/** Interest congruence 0–1, or null when the profile says nothing about interests. */
	interestFit: number | null;
	/** Skill coverage 0–1, or null when no skill the career needs is known. */
	skillFit: number | null;
}

export type ExplainedMatch = Match & Explanation;

export type QualityFlag =
	| 'few_answers'
	| 'flat_interests'
	| 'flat_skills'
	| 'uniform_answers'
	/** Agreed with statements and with their opposites (`quality.ts`). */
	| 'acquiescence'
	/** The adaptive quiz reached its limit before the top 3 settled. */
	| 'unsettled';

export interface ProfileQuality {
	/** good: usable as is · limited: usable, with a caveat · weak: pistes only, nothing to lean on. */
	level: 'good' | 'limited' | 'weak';
	flags: QualityFlag[];
	/** Share of the 26 dimensions with a known value, 0–1. */
	coverage: number;
	/** Spread (standard deviation) of the known interest values, and of the known skill values. */
	interestSpread: number;
	skillSpread: number;
}

export interface QuizInfo {
	mode: 'adaptive' | 'full';
	/** Questions answered, and how many the bank had. */
	asked: number;
	bank: number;
	/** Adaptive: whether the top 3 was settled when the quiz stopped; null for the full quiz. */
	settled: boolean | null;
}

export interface Ranking {
	engineVersion: string;
	profile: Profile;
	quality: ProfileQuality;
	matches: Match[];
	/** How the answers were collected (results from before the adaptive quiz have none). */
	quiz?: QuizInfo;
}
