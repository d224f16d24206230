import { DIMENSION_IDS, type DimensionId } from './dimensions';
import { prepareCareers, rankCareers, type PreparedCareer } from './match';
import { agreement, simulatedAnswer } from './simulate';
import type { Answers, Career, Profile, Question, Ranking } from './types';

/**
 * The adaptive quiz: about twenty questions chosen for the person, aiming at the ranking the whole bank
 * would give.
 *
 * 1. **Which careers are likely.** Each career's vector predicts an answer to every item (`simulate.ts`);
 *    the answers so far make each career more or less likely — a Gaussian likelihood of each answer around
 *    the career's prediction, with the spread of an answer (σ) and of how far a person stands from the
 *    nearest career (τ).
 * 2. **The profile the whole bank would give.** Each dimension is estimated from the answers on it, pulled
 *    towards the likely careers' value by a prior worth `prior` of loading weight (little when answers are
 *    there, everything when none are); the items not asked are filled in from that estimate, and the profile
 *    is read from all of them as from a complete quiz. The ranking shown is that profile's; `measured` says
 *    how much of each dimension was actually answered.
 * 3. **The next page.** The items on which the likely careers would answer most differently: the spread of
 *    their predicted answers, weighted by likelihood; on one page, an item counts less the more it measures
 *    what an item already on the page measures. The first two pages are the bank's own opening
 *    (`opening`), the same for everyone.
 * 4. **When to stop** (after `minItems`): when answering the next page as any of the likely
 *    careers would leave the top 3 as it is (as a set) — no plausible answer to the best remaining items
 *    changes what is shown first — or at `maxItems`.
 *
 * Stateless: the same answers always give the same step, so a page survives a reload, and the API can
 * serve a client that keeps its answers.
 */
export const ADAPTIVE = {
	pageSize: 4,
	/**
	 * The opening: the bank's first items, in its order (the bank opens with one broad item per interest).
	 * Choosing from the start by career only served those who resemble a career: people in between, or
	 * unlike any, were found less well than by the bank's own opening (`npm run eval`, by kind).
	 */
	opening: 8,
	minItems: 8,
	maxItems: 20,
	/** The likely careers used to choose items and to test the stopping rule. */
	contenders: 8,
	sigma: 0.7,
	tau: 0.3,
	prior: 0.5
} as const;

export type AdaptiveOptions = { maxItems?: number; minItems?: number; pageSize?: number };

export interface AdaptiveStep {
	/** True when the quiz stops: the top 3 is settled, the limit is reached, or nothing is left to ask. */
	done: boolean;
	/** The next page (empty when done). */
	next: Question[];
	/** Items of the bank answered so far. */
	asked: number;
	/** Whether the top 3 is settled (checked once the opening is answered). */
	settled: boolean;
	/** The ranking of the profile the whole bank would most likely give. */
	ranking: Ranking;
}

type Careers = readonly Career[] | readonly PreparedCareer[];

function prepared(careers: Careers): readonly PreparedCareer[] {
	return careers.length > 0 && 'skillTotal' in careers[0]!
		? (careers as readonly PreparedCareer[])
		: prepareCareers(careers as readonly Career[]);
}

const vectorValue = (career: Career, id: DimensionId) =>
	(career.vector.riasec as Record<string, number>)[id] ??
	(career.vector.skills as Record<string, number>)[id]!;

/** How likely each career's answers are to be this person's, as weights summing to 1. */
export function careerLikelihoods(
	questions: readonly Question[],
	careers: readonly Career[],
	answers: Answers
): number[] {
	const variance = 2 * (ADAPTIVE.sigma ** 2 + ADAPTIVE.tau ** 2);
	const logs = careers.map((career) => {
		let log = 0;
		for (const question of questions) {
			const answer = answers[question.id];
			if (answer === undefined) continue;
			log -= (answer - 1 - 4 * agreement(question, career.vector)) ** 2 / variance;
		}
		return log;
	});
	const best = Math.max(...logs);
	const raw = logs.map((log) => Math.exp(log - best));
	const total = raw.reduce((sum, value) => sum + value, 0);
	return raw.map((value) => value / total);
}

/** Σ|w| and Σ|w|·(normalised answer, read the other way for a reverse-keyed item) per dimension. */
function dimensionSums(questions: readonly Question[], answerOf: (question: Question) => number | null) {
	const sums = Object.fromEntries(DIMENSION_IDS.map((id) => [id, 0])) as Record<DimensionId, number>;
	const weights = { ...sums };
	for (const question of questions) {
		const normal = answerOf(question);
		if (normal === null) continue;
		for (const id of DIMENSION_IDS) {
			const weight = question.loadings[id];
			if (!weight) continue;
			weights[id] += Math.abs(weight);
			sums[id] += Math.abs(weight) * (weight > 0 ? normal : 1 - normal);
		}
	}
	return { sums, weights };
}

const normalised = (answer: number | undefined) => (answer === undefined ? null : (answer - 1) / 4);

/** The profile the whole bank would most likely give (see 2. above). */
export function estimatedProfile(
	questions: readonly Question[],
	careers: readonly Career[],
	answers: Answers,
	likelihoods = careerLikelihoods(questions, careers, answers)
): Profile {
	const answered = dimensionSums(questions, (question) => normalised(answers[question.id]));
	const bank = dimensionSums(questions, () => 0);
	const latent = { riasec: {}, skills: {} } as {
		riasec: Record<string, number>;
		skills: Record<string, number>;
	};
	for (const id of DIMENSION_IDS) {
		let prior = 0;
		careers.forEach((career, index) => (prior += likelihoods[index]! * vectorValue(career, id)));
		const value = (answered.sums[id] + ADAPTIVE.prior * prior) / (answered.weights[id] + ADAPTIVE.prior);
		(id.length === 1 ? latent.riasec : latent.skills)[id] = value;
	}
	const vector = latent as unknown as Career['vector'];
	const whole = dimensionSums(
		questions,
		(question) => normalised(answers[question.id]) ?? agreement(question, vector)
	);
	const values = {} as Profile['values'];
	const confidence = {} as Profile['confidence'];
	const measured = {} as Record<DimensionId, number>;
	for (const id of DIMENSION_IDS) {
		const known = whole.weights[id] > 0;
		values[id] = known ? whole.sums[id] / whole.weights[id] : null;
		confidence[id] = known ? 1 : 0;
		measured[id] = known ? answered.weights[id] / bank.weights[id] : 0;
	}
	return { values, confidence, measured };
}

function loadingVector(question: Question): Float64Array {
	return Float64Array.from(DIMENSION_IDS, (id) => question.loadings[id] ?? 0);
}

function cosine(a: Float64Array, b: Float64Array): number {
	let dot = 0;
	let aa = 0;
	let bb = 0;
	for (let i = 0; i < a.length; i += 1) {
		dot += a[i]! * b[i]!;
		aa += a[i]! * a[i]!;
		bb += b[i]! * b[i]!;
	}
	return aa === 0 || bb === 0 ? 0 : dot / Math.sqrt(aa * bb);
}

/** The page that best separates the likely careers (see 3. above); never an item already answered. */
function bestPage(
	questions: readonly Question[],
	answers: Answers,
	likely: { career: Career; weight: number }[],
	size: number
): Question[] {
	const candidates = questions
		.filter((question) => !Object.hasOwn(answers, question.id))
		.map((question) => {
			const predicted = likely.map(({ career }) => agreement(question, career.vector));
			let mean = 0;
			likely.forEach(({ weight }, index) => (mean += weight * predicted[index]!));
			let spread = 0;
			likely.forEach(({ weight }, index) => (spread += weight * (predicted[index]! - mean) ** 2));
			return { question, spread, loadings: loadingVector(question) };
		});
	const page: typeof candidates = [];
	while (page.length < size && candidates.length > 0) {
		let bestIndex = 0;
		let bestValue = -Infinity;
		candidates.forEach((candidate, index) => {
			let value = candidate.spread;
			for (const chosen of page) value *= 1 - cosine(candidate.loadings, chosen.loadings) ** 2;
			// Equal values (the opening, before any answer) go to the bank's order: the opening is fixed.
			if (value > bestValue + 1e-12) {
				bestValue = value;
				bestIndex = index;
			}
		});
		page.push(candidates.splice(bestIndex, 1)[0]!);
	}
	return page.map((entry) => entry.question);
}

const topThree = (ranking: Ranking) =>
	ranking.matches
		.slice(0, 3)
		.map((match) => match.slug)
		.sort()
		.join(' ');

function answeredCount(questions: readonly Question[], answers: Answers): number {
	let count = 0;
	for (const question of questions) if (Object.hasOwn(answers, question.id)) count += 1;
	return count;
}

function rankEstimate(questions: readonly Question[], careers: readonly PreparedCareer[], answers: Answers) {
	const plain = careers.map((career) => career.career);
	const likelihoods = careerLikelihoods(questions, plain, answers);
	const profile = estimatedProfile(questions, plain, answers, likelihoods);
	// Scores only: whoever shows this ranking explains the matches it shows (`explainMatch`).
	return { ranking: rankCareers(profile, careers, answers, questions, 0), likelihoods };
}

/** Where the adaptive quiz stands with these answers: the ranking so far, and the next page or done. */
export function adaptiveStep(
	questions: readonly Question[],
	careers: Careers,
	answers: Answers,
	options: AdaptiveOptions = {}
): AdaptiveStep {
	const { maxItems, minItems, pageSize } = { ...ADAPTIVE, ...options };
	const ready = prepared(careers);
	const { ranking, likelihoods } = rankEstimate(questions, ready, answers);
	const asked = answeredCount(questions, answers);
	const room = Math.min(pageSize, maxItems - asked, questions.length - asked);
	const likely = ready
		.map(({ career }, index) => ({ career, weight: likelihoods[index]! }))
		.sort((a, b) => b.weight - a.weight)
		.slice(0, ADAPTIVE.contenders);
	const next =
		room <= 0
			? []
			: asked < ADAPTIVE.opening
				? questions.filter((question) => !Object.hasOwn(answers, question.id)).slice(0, room)
				: bestPage(questions, answers, likely, room);
	const settled =
		asked >= minItems &&
		next.length > 0 &&
		likely.every(({ career }) => {
			const supposed: Record<string, number> = { ...answers };
			for (const question of next) supposed[question.id] = simulatedAnswer(question, career.vector);
			return topThree(rankEstimate(questions, ready, supposed).ranking) === topThree(ranking);
		});
	if (settled || room <= 0) {
		// The whole bank answered: the ranking is as settled as answers can make it.
		const final = settled || asked >= questions.length;
		const quality = final
			? ranking.quality
			: {
					...ranking.quality,
					level: ranking.quality.level === 'good' ? ('limited' as const) : ranking.quality.level,
					flags: [...ranking.quality.flags, 'unsettled' as const]
				};
		return { done: true, next: [], asked, settled: final, ranking: { ...ranking, quality } };
	}
	return { done: false, next, asked, settled: false, ranking };
}
