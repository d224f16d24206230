import { adaptiveStep, type AdaptiveOptions } from './adaptive';
import { RIASEC_IDS, SKILL_IDS } from './dimensions';
import { prepareCareers, rankCareers, type PreparedCareer } from './match';
import { computeProfile } from './profile';
import { seededRandom, simulatedAnswers } from './simulate';
import type { Answers, Career, CareerVector, Question, Ranking } from './types';

/**
 * The evaluation of the adaptive quiz (`npm run eval`, and a small fixed set in the tests): simulated
 * respondents — each career's vector, mixtures of two careers, random plausible profiles — each with one
 * noisy answer set to the whole bank, used by every method compared, so that they differ only in which
 * answers they read.
 */

export interface Respondent {
	kind: 'career' | 'mixture' | 'random';
	label: string;
	vector: CareerVector;
	answers: Answers;
}

export interface EvaluationSet {
	careers: number;
	mixtures: number;
	randoms: number;
	seed: number;
	sigma?: number;
}

function mix(a: CareerVector, b: CareerVector, share: number): CareerVector {
	const blend = (x: number, y: number) => share * x + (1 - share) * y;
	return {
		riasec: Object.fromEntries(
			RIASEC_IDS.map((id) => [id, blend(a.riasec[id], b.riasec[id])])
		) as CareerVector['riasec'],
		skills: Object.fromEntries(
			SKILL_IDS.map((id) => [id, blend(a.skills[id], b.skills[id])])
		) as CareerVector['skills']
	};
}

/** Random but plausible: two or three interests stand out, skills spread from weak to strong. */
function randomProfile(random: () => number): CareerVector {
	const strong = new Set([0, 1, 2].map(() => Math.floor(random() * RIASEC_IDS.length)));
	return {
		riasec: Object.fromEntries(
			RIASEC_IDS.map((id, index) => [id, strong.has(index) ? 0.6 + 0.35 * random() : 0.1 + 0.4 * random()])
		) as CareerVector['riasec'],
		skills: Object.fromEntries(SKILL_IDS.map((id) => [id, 0.1 + 0.8 * random()])) as CareerVector['skills']
	};
}

export function respondents(
	questions: readonly Question[],
	careers: readonly Career[],
	set: EvaluationSet
): Respondent[] {
	const random = seededRandom(set.seed);
	const noisy = { random, sigma: set.sigma ?? 0.7 };
	const people: Omit<Respondent, 'answers'>[] = [];
	for (let i = 0; i < Math.min(set.careers, careers.length); i += 1)
		people.push({ kind: 'career', label: careers[i]!.slug, vector: careers[i]!.vector });
	for (let i = 0; i < set.mixtures; i += 1) {
		const a = careers[Math.floor(random() * careers.length)]!;
		const b = careers[Math.floor(random() * careers.length)]!;
		const share = 0.3 + 0.4 * random();
		people.push({ kind: 'mixture', label: `${a.slug} × ${b.slug}`, vector: mix(a.vector, b.vector, share) });
	}
	for (let i = 0; i < set.randoms; i += 1)
		people.push({ kind: 'random', label: `random ${i + 1}`, vector: randomProfile(random) });
	return people.map((person) => ({ ...person, answers: simulatedAnswers(questions, person.vector, noisy) }));
}

/** The adaptive quiz run on a respondent: pages asked in turn, answered from their answer set. */
export function runAdaptive(
	questions: readonly Question[],
	careers: readonly PreparedCareer[],
	respondent: Respondent,
	options?: AdaptiveOptions
): { ranking: Ranking; asked: number; settled: boolean } {
	const given: Record<string, number> = {};
	for (;;) {
		const step = adaptiveStep(questions, careers, given, options);
		if (step.done) return { ranking: step.ranking, asked: step.asked, settled: step.settled };
		for (const question of step.next) given[question.id] = respondent.answers[question.id]!;
	}
}

function rankSubset(
	questions: readonly Question[],
	careers: readonly PreparedCareer[],
	respondent: Respondent,
	ids: string[]
) {
	const answers = Object.fromEntries(ids.map((id) => [id, respondent.answers[id]!]));
	return rankCareers(computeProfile(questions, answers), careers, answers, undefined, 0);
}

export interface MethodFigures {
	/** Share of respondents whose full-bank first career is in this method's top 3. */
	firstInTopThree: number;
	/** Mean number of careers the two top 3s share (0–3). */
	meanOverlap: number;
	meanAsked: number;
	p90Asked: number;
	maxAsked: number;
}

export interface EvaluationReport {
	respondents: number;
	adaptive: MethodFigures;
	random20: MethodFigures;
	first20: MethodFigures;
	/** The whole bank answered a second time (new noise): how far the yardstick agrees with itself. */
	retest: MethodFigures;
	/**
	 * The same figures against the respondent's own noise-free ranking (every item answered exactly as their
	 * vector predicts) instead of the whole bank's noisy one: what each method finds of the person.
	 */
	againstTruth: {
		adaptive: MethodFigures;
		random20: MethodFigures;
		first20: MethodFigures;
		wholeBank: MethodFigures;
	};
	byKind: Record<
		Respondent['kind'],
		{ count: number; adaptive: MethodFigures; random20: MethodFigures; retest: MethodFigures }
	>;
	/** How often the adaptive quiz stopped because the top 3 was settled (the rest stopped at the limit). */
	settledShare: number;
	/** For the mixture respondents: how many had each career first (full bank). */
	firstCounts: Map<string, number>;
	mixtureCount: number;
}

const top3 = (ranking: Ranking) => ranking.matches.slice(0, 3).map((match) => match.slug);

function figures(rows: { full: Ranking; other: Ranking; asked: number }[]): MethodFigures {
	const asked = rows.map((row) => row.asked).sort((a, b) => a - b);
	let hits = 0;
	let overlap = 0;
	for (const { full, other } of rows) {
		const mine = top3(other);
		if (mine.includes(full.matches[0]!.slug)) hits += 1;
		overlap += top3(full).filter((slug) => mine.includes(slug)).length;
	}
	return {
		firstInTopThree: hits / rows.length,
		meanOverlap: overlap / rows.length,
		meanAsked: asked.reduce((sum, n) => sum + n, 0) / asked.length,
		p90Asked: asked[Math.max(0, Math.ceil(0.9 * asked.length) - 1)]!,
		maxAsked: asked[asked.length - 1]!
	};
}

export function evaluate(
	questions: readonly Question[],
	catalogue: readonly Career[],
	set: EvaluationSet,
	options?: AdaptiveOptions
): EvaluationReport {
	const careers = prepareCareers(catalogue);
	const people = respondents(questions, catalogue, set);
	const random = seededRandom(set.seed + 1);
	const ids = questions.map((question) => question.id);
	type Row = { full: Ranking; other: Ranking; asked: number };
	const adaptive: Row[] = [];
	const random20: Row[] = [];
	const first20: Row[] = [];
	const retest: Row[] = [];
	const truth = {
		adaptive: [] as Row[],
		random20: [] as Row[],
		first20: [] as Row[],
		wholeBank: [] as Row[]
	};
	const kinds = new Map<Respondent['kind'], { adaptive: Row[]; random20: Row[]; retest: Row[] }>();
	const noise = seededRandom(set.seed + 2);
	let settled = 0;
	const firstCounts = new Map(catalogue.map((career) => [career.slug, 0]));
	for (const person of people) {
		const full = rankSubset(questions, careers, person, ids);
		const run = runAdaptive(questions, careers, person, options);
		if (run.settled) settled += 1;
		const shuffled = [...ids].sort(() => random() - 0.5).slice(0, 20);
		const byRandom = rankSubset(questions, careers, person, shuffled);
		const byFirst = rankSubset(questions, careers, person, ids.slice(0, 20));
		const again = simulatedAnswers(questions, person.vector, { random: noise, sigma: set.sigma ?? 0.7 });
		const second = rankCareers(computeProfile(questions, again), careers, again, undefined, 0);
		const exact = rankCareers(
			computeProfile(questions, simulatedAnswers(questions, person.vector)),
			careers,
			undefined,
			undefined,
			0
		);
		adaptive.push({ full, other: run.ranking, asked: run.asked });
		random20.push({ full, other: byRandom, asked: 20 });
		first20.push({ full, other: byFirst, asked: 20 });
		retest.push({ full, other: second, asked: ids.length });
		truth.adaptive.push({ full: exact, other: run.ranking, asked: run.asked });
		truth.random20.push({ full: exact, other: byRandom, asked: 20 });
		truth.first20.push({ full: exact, other: byFirst, asked: 20 });
		truth.wholeBank.push({ full: exact, other: full, asked: ids.length });
		const kind = kinds.get(person.kind) ?? { adaptive: [], random20: [], retest: [] };
		kind.adaptive.push(adaptive.at(-1)!);
		kind.random20.push(random20.at(-1)!);
		kind.retest.push(retest.at(-1)!);
		kinds.set(person.kind, kind);
		if (person.kind === 'mixture') {
			const first = full.matches[0]!.slug;
			firstCounts.set(first, (firstCounts.get(first) ?? 0) + 1);
		}
	}
	return {
		respondents: people.length,
		adaptive: figures(adaptive),
		random20: figures(random20),
		first20: figures(first20),
		retest: figures(retest),
		againstTruth: {
			adaptive: figures(truth.adaptive),
			random20: figures(truth.random20),
			first20: figures(truth.first20),
			wholeBank: figures(truth.wholeBank)
		},
		byKind: Object.fromEntries(
			[...kinds].map(([kind, rows]) => [
				kind,
				{
					count: rows.adaptive.length,
					adaptive: figures(rows.adaptive),
					random20: figures(rows.random20),
					retest: figures(rows.retest)
				}
			])
		) as EvaluationReport['byKind'],
		settledShare: settled / people.length,
		firstCounts,
		mixtureCount: people.filter((person) => person.kind === 'mixture').length
	};
}
