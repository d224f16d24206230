import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../db/repositories/catalogue';
import { freshTestDatabase } from '../test-database';
import {
	filterCareers,
	filterTrainings,
	invalidTrainingFilterParams,
	parseCareerFilters,
	parseTrainingFilters,
	SALARY_BANDS,
	shortestTrainingMonths
} from './directory';
import { trainingsClosingGaps } from './trainings';
import type { Catalogue } from './types';

let catalogue: Catalogue;

beforeAll(async () => {
	catalogue = (await readCatalogue(await freshTestDatabase()))!;
});

const careers = (query: string) =>
	filterCareers(
		catalogue,
		parseCareerFilters(
			new URLSearchParams(query),
			catalogue.families.map((f) => f.id)
		)
	);
const trainings = (query: string) =>
	filterTrainings(
		catalogue,
		parseTrainingFilters(new URLSearchParams(query), [...catalogue.careerBySlug.keys()])
	);

describe('the careers directory', () => {
	it('lists every career without filters', () => {
		expect(careers('')).toHaveLength(catalogue.careers.length);
	});

	it('searches regardless of accents, case and inclusive forms', () => {
		const developers = catalogue.careers
			.filter((c) => c.title.startsWith('Développeur / Développeuse'))
			.map((c) => c.slug);
		expect(developers.length).toBeGreaterThanOrEqual(5);
		for (const query of ['developpeur', 'Développeuse', 'DEVELOPPEUR']) {
			const found = careers(`q=${encodeURIComponent(query)}`).map((c) => c.slug);
			expect(found, query).toEqual(expect.arrayContaining(developers));
			// Title matches come first.
			expect(developers).toContain(found[0]);
		}
		expect(careers('q=zzzzzz')).toEqual([]);
	});

	it('filters by family, salary, training length and remote work', () => {
		expect(careers('famille=cybersecurite').every((c) => c.familyId === 'cybersecurite')).toBe(true);
		const [min, max] = SALARY_BANDS['35k-45k'];
		for (const career of careers('salaire=35k-45k')) {
			expect(career.profile.salary.confirmed).toBeGreaterThanOrEqual(min);
			expect(career.profile.salary.confirmed).toBeLessThan(max);
		}
		for (const career of careers('formation=12')) {
			expect(shortestTrainingMonths(catalogue, career.slug)).toBeLessThanOrEqual(12);
		}
		expect(careers('teletravail=frequent').every((c) => c.profile.workplaces.remote === 'frequent')).toBe(
			true
		);
		expect(careers('teletravail=partial').every((c) => c.profile.workplaces.remote !== 'rare')).toBe(true);
	});

	it('filters by the studies needed to start: a CAP, the bac, bac + 2, bac + 3', () => {
		const levels = (query: string) => new Set(careers(query).map((c) => c.entryLevel));
		expect(levels('etudes=cap')).toEqual(new Set(['cap']));
		expect(levels('etudes=bac')).toEqual(new Set(['cap', 'bac']));
		expect(levels('etudes=bac2')).toEqual(new Set(['cap', 'bac', 'bac+2']));
		expect(levels('etudes=bac3')).toEqual(new Set(['cap', 'bac', 'bac+2', 'bac+3']));
		// The catalogue is open at every level: 20 careers or more within two years after the bac.
		expect(careers('etudes=bac2').length).toBeGreaterThanOrEqual(20);
		// `bac+2` would arrive as « bac 2 » in a query string: unknown, so no filter.
		expect(careers('etudes=bac+2')).toHaveLength(catalogue.careers.length);
	});

	it('sorts by salary and by title, and ignores unknown values', () => {
		const bySalary = careers('tri=salaire').map((c) => c.profile.salary.confirmed);
		expect(bySalary).toEqual([...bySalary].sort((a, b) => b - a));
		const titles = careers('tri=titre').map((c) => c.title);
		expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'fr')));
		expect(careers('famille=cuisine&tri=n-importe')).toHaveLength(catalogue.careers.length);
	});
});

describe('the trainings directory', () => {
	it('filters by kind, duration, level, format, financing and career', () => {
		expect(trainings('type=bts').every((t) => t.kind === 'bts')).toBe(true);
		expect(trainings('duree=6').every((t) => t.durationMonths <= 6)).toBe(true);
		expect(trainings('duree=plus').every((t) => t.durationMonths > 24)).toBe(true);
		expect(trainings('niveau=5').every((t) => t.level.bac === 5)).toBe(true);
		expect(trainings('format=alternance').every((t) => t.formats.includes('alternance'))).toBe(true);
		expect(trainings('financement=cpf').every((t) => t.financing.includes('cpf'))).toBe(true);
		const forPentester = trainings('metier=pentester');
		expect(forPentester.length).toBeGreaterThan(0);
		expect(forPentester.every((t) => t.careers.includes('pentester'))).toBe(true);
	});

	it('lists the shortest route first: short courses, then by the level reached, then by length', () => {
		const all = trainings('');
		const firstLong = all.findIndex((t) => t.track === 'long');
		expect(all.slice(firstLong).every((t) => t.track === 'long')).toBe(true);
		for (const part of [all.slice(0, firstLong), all.slice(firstLong)]) {
			const steps = part.map((t) => [t.level.bac ?? -1, t.durationMonths] as const);
			for (let i = 1; i < steps.length; i += 1) {
				const [level, months] = steps[i]!;
				const [previousLevel, previousMonths] = steps[i - 1]!;
				expect(level > previousLevel || (level === previousLevel && months >= previousMonths)).toBe(true);
			}
		}
		// A CAP comes before the bac pro, which comes before the BTS.
		const order = (slug: string) => all.findIndex((t) => t.slug === slug);
		expect(order('cap-electricien')).toBeLessThan(order('bac-pro-ciel'));
		expect(order('bac-pro-ciel')).toBeLessThan(order('bts-ciel'));
	});

	it('names the parameters whose value is unknown', () => {
		const params = new URLSearchParams('type=diplome-magique&duree=6&metier=astronaute');
		const filters = parseTrainingFilters(params, [...catalogue.careerBySlug.keys()]);
		expect(invalidTrainingFilterParams(params, filters)).toEqual(['type', 'metier']);
	});
});

describe('trainingsClosingGaps', () => {
	it('puts first the trainings that work on the most gaps, and leaves out the others', () => {
		const list = catalogue.trainingsByCareer.get('data-analyst')!;
		const gaps = [
			{ dimension: 'data_analysis' as const, person: 0.2, career: 0.95 },
			{ dimension: 'programming' as const, person: 0.1, career: 0.6 }
		];
		const picked = trainingsClosingGaps(list, gaps);
		expect(picked.length).toBeGreaterThan(0);
		expect(picked.length).toBeLessThanOrEqual(3);
		const closes = picked.map(
			(t) => t.skills.filter((s) => s === 'data_analysis' || s === 'programming').length
		);
		expect(closes.every((n) => n > 0)).toBe(true);
		expect(closes).toEqual([...closes].sort((a, b) => b - a));
		expect(trainingsClosingGaps(list, [])).toEqual([]);
	});
});
