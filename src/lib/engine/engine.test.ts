import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DIMENSION_IDS,
	RIASEC_IDS,
	SKILL_IDS,
	assessProfile,
	computeProfile,
	explainMatch,
	profileFromValues,
	rankCareers,
	type Career,
	type Profile,
	type Question,
	type Ranking
} from '.';
import { bestFirst } from './match';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const unitRecord = <K extends string>(ids: readonly K[]) =>
	fc
		.tuple(...ids.map(() => unit))
		.map((values) => Object.fromEntries(ids.map((id, i) => [id, values[i]!])) as Record<K, number>);

const careerArb = (slug: string) =>
	fc
		.record({ riasec: unitRecord(RIASEC_IDS), skills: unitRecord(SKILL_IDS) })
		.map((vector): Career => ({ slug, vector }));

const catalogueArb = fc
	.integer({ min: 2, max: 12 })
	.chain((size) =>
		fc.tuple(...Array.from({ length: size }, (_, i) => careerArb(`career-${String(i).padStart(2, '0')}`)))
	);

/** A profile where each dimension is known (a value) or unknown (null). */
const profileArb = fc
	.tuple(...DIMENSION_IDS.map(() => fc.option(unit, { nil: null, freq: 4 })))
	.map((values): Profile => {
		const record = Object.fromEntries(DIMENSION_IDS.map((id, i) => [id, values[i]!]));
		return {
			values: record as Profile['values'],
			confidence: Object.fromEntries(
				DIMENSION_IDS.map((id) => [id, record[id] === null ? 0 : 1])
			) as Profile['confidence']
		};
	});

function profileOfCareer(career: Career): Profile {
	return profileFromValues({ riasec: career.vector.riasec, skills: career.vector.skills });
}

function everyNumberIsFinite(value: unknown): boolean {
	if (typeof value === 'number') return Number.isFinite(value);
	if (Array.isArray(value)) return value.every(everyNumberIsFinite);
	if (value && typeof value === 'object') return Object.values(value).every(everyNumberIsFinite);
	return true;
}

function uniformProfile(level: number | null): Profile {
	return profileFromValues({
		riasec: level === null ? {} : Object.fromEntries(RIASEC_IDS.map((id) => [id, level])),
		skills: level === null ? {} : Object.fromEntries(SKILL_IDS.map((id) => [id, level]))
	});
}

describe('bestFirst', () => {
	it('orders as the platform sort does: highest first, an equal score keeping the lower index first', () => {
		// Few distinct values, so that ties are common; sizes across several merge widths.
		const scores = fc.array(fc.oneof(unit, fc.constantFrom(0, 0.5, 1)), { maxLength: 70 });
		fc.assert(
			fc.property(scores, (values) => {
				const expected = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
				expect(bestFirst(values)).toEqual(expected);
			})
		);
	});
});

describe('rankCareers', () => {
	it('is deterministic: the same inputs give the same ranking', () => {
		fc.assert(
			fc.property(profileArb, catalogueArb, (profile, careers) => {
				expect(rankCareers(profile, careers)).toEqual(rankCareers(profile, [...careers]));
			})
		);
	});

	it('does not depend on the order of the catalogue, and breaks ties by slug', () => {
		fc.assert(
			fc.property(profileArb, catalogueArb, (profile, careers) => {
				const forward = rankCareers(profile, careers).matches.map((m) => m.slug);
				const backward = rankCareers(profile, [...careers].reverse()).matches.map((m) => m.slug);
				expect(backward).toEqual(forward);
			})
		);
		const twin = (slug: string): Career => ({
			slug,
			vector: {
				riasec: { R: 0.2, I: 0.9, A: 0.1, S: 0.3, E: 0.2, C: 0.7 },
				skills: uniformProfileSkills(0.6)
			}
		});
		const ranking = rankCareers(uniformProfile(0.5), [twin('zeta'), twin('alpha'), twin('mu')]);
		expect(ranking.matches.map((m) => m.slug)).toEqual(['alpha', 'mu', 'zeta']);
	});

	it('explains on demand exactly as it explains while ranking, and explains only the first matches asked for', () => {
		fc.assert(
			fc.property(profileArb, catalogueArb, fc.nat({ max: 14 }), (profile, careers, explain) => {
				const explained = rankCareers(profile, careers);
				const scored = rankCareers(profile, careers, undefined, undefined, explain);
				const bySlug = new Map(careers.map((career) => [career.slug, career]));
				const scores = (ranking: Ranking) =>
					ranking.matches.map(({ slug, score, band, interestFit, skillFit }) => ({
						slug,
						score,
						band,
						interestFit,
						skillFit
					}));
				expect(scores(scored)).toEqual(scores(explained));
				scored.matches.forEach((match, position) => {
					expect(match.drivers !== undefined).toBe(position < explain);
					expect({ ...match, ...explainMatch(profile, bySlug.get(match.slug)!) }).toEqual(
						explained.matches[position]
					);
				});
			})
		);
	});

	it('never lets NaN or Infinity out, whatever the profile', () => {
		fc.assert(
			fc.property(profileArb, catalogueArb, (profile, careers) => {
				expect(everyNumberIsFinite(rankCareers(profile, careers))).toBe(true);
			})
		);
	});

	it.each([
		['empty (nothing answered)', uniformProfile(null)],
		['all zero', uniformProfile(0)],
		['constant', uniformProfile(0.5)],
		['all max', uniformProfile(1)],
		['one interest only', profileFromValues({ riasec: { I: 1 } })],
		['one skill only', profileFromValues({ skills: { programming: 0.8 } })]
	])('gives finite scores from 0 to 100 for a degenerate profile: %s', (_, profile) => {
		fc.assert(
			fc.property(catalogueArb, (careers) => {
				const ranking = rankCareers(profile, careers);
				expect(everyNumberIsFinite(ranking)).toBe(true);
				expect(ranking.matches).toHaveLength(careers.length);
				for (const match of ranking.matches) {
					expect(match.score).toBeGreaterThanOrEqual(0);
					expect(match.score).toBeLessThanOrEqual(100);
				}
			})
		);
	});

	it('also handles degenerate careers (flat or zero vectors)', () => {
		const flat: Career = {
			slug: 'flat',
			vector: { riasec: unitFill(RIASEC_IDS, 0.5), skills: uniformProfileSkills(0.5) }
		};
		const zero: Career = {
			slug: 'zero',
			vector: { riasec: unitFill(RIASEC_IDS, 0), skills: uniformProfileSkills(0) }
		};
		fc.assert(
			fc.property(profileArb, (profile) => {
				expect(everyNumberIsFinite(rankCareers(profile, [flat, zero]))).toBe(true);
			})
		);
	});

	it("ranks first the career whose vector equals the person's profile", () => {
		fc.assert(
			fc.property(catalogueArb, fc.nat(), (careers, pick) => {
				const target = careers[pick % careers.length]!;
				// Pearson sees shapes: a career whose interests are an exact rescaling of the target's is its twin.
				fc.pre(spreadOf(Object.values(target.vector.riasec)) > 0.05);
				fc.pre(
					careers.every((c) => c === target || correlation(c.vector.riasec, target.vector.riasec) < 1 - 1e-9)
				);
				const ranking = rankCareers(profileOfCareer(target), careers);
				expect(ranking.matches[0]!.slug).toBe(target.slug);
				expect(ranking.matches[0]!.score).toBe(100);
			})
		);
	});

	it('never lowers a career’s score when a skill rises towards what the career needs', () => {
		fc.assert(
			fc.property(
				profileArb,
				catalogueArb,
				fc.nat(),
				fc.constantFrom(...SKILL_IDS),
				unit,
				(profile, careers, pick, skill, raise) => {
					fc.pre(profile.values[skill] !== null);
					const career = careers[pick % careers.length]!;
					const before = profile.values[skill]!;
					const after = Math.min(before + raise, Math.max(before, career.vector.skills[skill]));
					const raised: Profile = { ...profile, values: { ...profile.values, [skill]: after } };
					const previous = rankCareers(profile, [career]).matches[0]!;
					const now = rankCareers(raised, [career]).matches[0]!;
					expect(now.score).toBeGreaterThanOrEqual(previous.score);
					expect(now.skillFit ?? 0).toBeGreaterThanOrEqual((previous.skillFit ?? 0) - 1e-12);
				}
			)
		);
	});

	it('prefers, of two careers the person covers, the one that uses more of their strengths', () => {
		const interests = { R: 0.2, I: 0.9, A: 0.3, S: 0.2, E: 0.4, C: 0.7 };
		const skills = Object.fromEntries(SKILL_IDS.map((id, i) => [id, i % 2 === 0 ? 0.8 : 0.3]));
		const lighter = Object.fromEntries(SKILL_IDS.map((id) => [id, skills[id]! * 0.6]));
		const careers = [
			{ slug: 'a-needs-less', vector: { riasec: interests, skills: lighter } },
			{ slug: 'b-needs-all', vector: { riasec: interests, skills } }
		] as Career[];
		const ranking = rankCareers(profileOfCareer(careers[1]!), careers);
		expect(ranking.matches.map((m) => m.slug)).toEqual(['b-needs-all', 'a-needs-less']);
		expect(ranking.matches[1]!.skillFit!).toBeLessThan(1);
	});

	it('says when a profile is flat, and then bands nothing above « à explorer »', () => {
		const careers = fc.sample(catalogueArb, 1)[0]!;
		for (const level of [0, 0.5, 1]) {
			const ranking = rankCareers(uniformProfile(level), careers);
			expect(ranking.quality.level).toBe('weak');
			expect(ranking.quality.flags).toContain('flat_interests');
			expect(ranking.matches.every((m) => m.band === 'a_explorer')).toBe(true);
		}
	});

	it('explains a match: drivers the person shares, gaps the career needs', () => {
		const developer: Career = {
			slug: 'dev',
			vector: {
				riasec: { R: 0.3, I: 0.9, A: 0.2, S: 0.1, E: 0.1, C: 0.8 },
				skills: { ...uniformProfileSkills(0.2), programming: 0.95, problem_solving: 0.9, communication: 0.6 }
			}
		};
		const profile = profileFromValues({
			riasec: { R: 0.2, I: 1, A: 0.1, S: 0.2, E: 0.1, C: 0.7 },
			skills: { programming: 1, problem_solving: 0.3, communication: 0.6 }
		});
		const [match] = rankCareers(profile, [developer]).matches;
		expect(match!.drivers!.map((d) => d.dimension)).toEqual(['I', 'C', 'programming', 'communication']);
		expect(match!.gaps!.map((g) => g.dimension)).toEqual(['problem_solving']);
		expect(match!.unknown).toEqual([]);
	});
});

describe('computeProfile', () => {
	const bank: Question[] = [
		{ id: 'likes-machines', loadings: { R: 1, hardware: 0.5 } },
		{ id: 'bored-by-details', loadings: { rigor_detail: -1 } },
		{ id: 'likes-explaining', loadings: { S: 1, teaching: 0.6 } },
		{ id: 'likes-order', loadings: { C: 0.8 } }
	];

	it('keeps unanswered dimensions unknown, not zero', () => {
		const profile = computeProfile(bank, { 'likes-machines': 1 });
		expect(profile.values.R).toBe(0);
		expect(profile.values.S).toBeNull();
		expect(profile.confidence.S).toBe(0);
		expect(profile.values.programming).toBeNull();
	});

	it('reads reverse-keyed questions the other way round', () => {
		expect(computeProfile(bank, { 'bored-by-details': 5 }).values.rigor_detail).toBe(0);
		expect(computeProfile(bank, { 'bored-by-details': 1 }).values.rigor_detail).toBe(1);
		expect(computeProfile(bank, { 'bored-by-details': 2 }).values.rigor_detail).toBe(0.75);
	});

	it('weights each answer by its loading and reports confidence as the answered share', () => {
		const twoOnR: Question[] = [
			{ id: 'a', loadings: { R: 1 } },
			{ id: 'b', loadings: { R: 0.5 } }
		];
		const profile = computeProfile(twoOnR, { a: 5, b: 1 });
		expect(profile.values.R).toBeCloseTo(1 / 1.5, 12);
		expect(profile.confidence.R).toBe(1);
		expect(computeProfile(twoOnR, { b: 5 }).confidence.R).toBeCloseTo(1 / 3, 12);
	});

	it('ignores unknown questions and out-of-range values', () => {
		const profile = computeProfile(bank, { nope: 5, 'likes-order': 9, 'likes-explaining': 2.5 });
		expect(profile.values.C).toBeNull();
		expect(profile.values.S).toBeNull();
	});

	it('does not depend on the order in which answers were given', () => {
		const answersArb = fc.array(
			fc.tuple(fc.constantFrom(...bank.map((q) => q.id)), fc.integer({ min: 1, max: 5 }))
		);
		fc.assert(
			fc.property(answersArb, (entries) => {
				const answers = Object.fromEntries(entries);
				const reversed = Object.fromEntries(Object.entries(answers).reverse());
				expect(computeProfile(bank, reversed)).toEqual(computeProfile(bank, answers));
				expect(rankCareers(computeProfile(bank, reversed), [])).toEqual(
					rankCareers(computeProfile(bank, answers), [])
				);
			})
		);
	});
});

describe('assessProfile', () => {
	it('flags uniform answering', () => {
		const answers = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`q${i}`, 4]));
		expect(assessProfile(uniformProfile(0.75), answers).flags).toContain('uniform_answers');
	});

	it('rates a differentiated, complete profile as good', () => {
		const profile = profileFromValues({
			riasec: { R: 0.1, I: 0.9, A: 0.3, S: 0.2, E: 0.4, C: 0.8 },
			skills: Object.fromEntries(SKILL_IDS.map((id, i) => [id, (i % 5) / 4]))
		});
		expect(assessProfile(profile)).toMatchObject({ level: 'good', flags: [] });
	});
});

function unitFill<K extends string>(ids: readonly K[], value: number): Record<K, number> {
	return Object.fromEntries(ids.map((id) => [id, value])) as Record<K, number>;
}

function uniformProfileSkills(value: number) {
	return unitFill(SKILL_IDS, value);
}

function spreadOf(values: number[]): number {
	const mean = values.reduce((a, b) => a + b, 0) / values.length;
	return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
}

function correlation(a: Record<string, number>, b: Record<string, number>): number {
	const keys = Object.keys(a);
	const meanA = keys.reduce((sum, k) => sum + a[k]!, 0) / keys.length;
	const meanB = keys.reduce((sum, k) => sum + b[k]!, 0) / keys.length;
	let ab = 0;
	let aa = 0;
	let bb = 0;
	for (const k of keys) {
		ab += (a[k]! - meanA) * (b[k]! - meanB);
		aa += (a[k]! - meanA) ** 2;
		bb += (b[k]! - meanB) ** 2;
	}
	return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}
