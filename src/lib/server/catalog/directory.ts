import { matchScore, normaliseForSearch, searchTerms } from '$lib/search';
import { oneOf } from '../forms';
import type { Catalogue, CatalogueCareer, Training } from './types';
import {
	FINANCING_KINDS,
	TRAINING_FORMATS,
	TRAINING_KINDS,
	withinStudies,
	type EntryLevel
} from '$lib/vocabulary';

/** Salary bands on the « confirmé » salary (3–7 years), gross per year. */
export const SALARY_BANDS = {
	'moins-35k': [0, 35_000],
	'35k-45k': [35_000, 45_000],
	'plus-45k': [45_000, Infinity]
} as const;
export type SalaryBand = keyof typeof SALARY_BANDS;

/** « A training of at most N months leads there ». */
export const TRAINING_LENGTHS = [6, 12, 24] as const;
export type TrainingLength = (typeof TRAINING_LENGTHS)[number];

/**
 * « Studies to start, at most »: the levels the directory filters by, as they appear in its URL (`bac+2`
 * would read as « bac 2 » in a query string). Up to bac + 5 is every career: no filter.
 */
export const STUDIES_PARAMS = {
	cap: 'cap',
	bac: 'bac',
	bac2: 'bac+2',
	bac3: 'bac+3'
} as const satisfies Record<string, EntryLevel>;
export type StudiesParam = keyof typeof STUDIES_PARAMS;
export const studiesParam = (level: EntryLevel) => level.replace('+', '') as StudiesParam;

export const CAREER_SORTS = ['pertinence', 'titre', 'salaire', 'formation'] as const;
export type CareerSort = (typeof CAREER_SORTS)[number];

export interface CareerFilters {
	q: string;
	family: string | null;
	salary: SalaryBand | null;
	training: TrainingLength | null;
	/** « frequent »: often fully remote; « partial »: at least some days a week. */
	remote: 'frequent' | 'partial' | null;
	/** Careers one can start with at most this level of study. */
	studies: EntryLevel | null;
	sort: CareerSort;
}

/** Reads filters from a URL. Unknown values are ignored rather than refused: a stale link still works. */
export function parseCareerFilters(params: URLSearchParams, familyIds: readonly string[]): CareerFilters {
	const studies = oneOf(params.get('etudes'), Object.keys(STUDIES_PARAMS) as StudiesParam[]);
	return {
		q: (params.get('q') ?? '').slice(0, 100),
		family: oneOf(params.get('famille'), familyIds),
		salary: oneOf(params.get('salaire'), Object.keys(SALARY_BANDS) as SalaryBand[]),
		training: oneOf(params.get('formation'), TRAINING_LENGTHS),
		remote: oneOf(params.get('teletravail'), ['frequent', 'partial'] as const),
		studies: studies ? STUDIES_PARAMS[studies] : null,
		sort: oneOf(params.get('tri'), CAREER_SORTS) ?? 'pertinence'
	};
}

export function shortestTrainingMonths(catalogue: Catalogue, slug: string): number | null {
	const list = catalogue.trainingsByCareer.get(slug) ?? [];
	return list.length === 0 ? null : Math.min(...list.map((t) => t.durationMonths));
}

interface SearchFields {
	title: string;
	body: string;
}

/**
 * Normalised search text per item, computed once per catalogue: a documented cache, keyed by the catalogue
 * object, so it goes away with it.
 */
const searchCache = new WeakMap<Catalogue, Map<string, SearchFields>>();

function searchFields(catalogue: Catalogue): Map<string, SearchFields> {
	let fields = searchCache.get(catalogue);
	if (!fields) {
		fields = new Map<string, SearchFields>();
		for (const career of catalogue.careers) {
			const { missions, technicalSkills, softSkills } = career.profile;
			fields.set(`career:${career.slug}`, {
				title: normaliseForSearch(career.title),
				body: normaliseForSearch(
					[career.hook, career.summary, ...missions, ...technicalSkills, ...softSkills].join(' ')
				)
			});
		}
		for (const training of catalogue.trainings) {
			const careerTitles = training.careers.map((slug) => catalogue.careerBySlug.get(slug)?.title ?? '');
			fields.set(`training:${training.slug}`, {
				title: normaliseForSearch(training.name),
				body: normaliseForSearch(
					[training.summary, training.providers, training.prerequisites, ...careerTitles].join(' ')
				)
			});
		}
		searchCache.set(catalogue, fields);
	}
	return fields;
}

/** 0 when a term is missing; otherwise higher for matches in the title. */
function relevance(terms: string[], fields: SearchFields): number {
	return matchScore(terms, [
		{ text: fields.title, weight: 4 },
		{ text: fields.body, weight: 1 }
	]);
}

export function filterCareers(catalogue: Catalogue, filters: CareerFilters): CatalogueCareer[] {
	const terms = searchTerms(filters.q);
	const search = searchFields(catalogue);
	const scored: { career: CatalogueCareer; relevance: number; shortest: number }[] = [];
	for (const career of catalogue.careers) {
		if (filters.family && career.familyId !== filters.family) continue;
		if (filters.studies && !withinStudies(career.entryLevel, filters.studies)) continue;
		if (filters.salary) {
			const [min, max] = SALARY_BANDS[filters.salary];
			const salary = career.profile.salary.confirmed;
			if (salary < min || salary >= max) continue;
		}
		const shortest = shortestTrainingMonths(catalogue, career.slug) ?? Infinity;
		if (filters.training && shortest > filters.training) continue;
		const remote = career.profile.workplaces.remote;
		if (filters.remote === 'frequent' && remote !== 'frequent') continue;
		if (filters.remote === 'partial' && remote === 'rare') continue;
		let score = 1;
		if (terms.length > 0) {
			score = relevance(terms, search.get(`career:${career.slug}`)!);
			if (score === 0) continue;
		}
		scored.push({ career, relevance: score, shortest });
	}
	const byTitle = (a: CatalogueCareer, b: CatalogueCareer) => a.title.localeCompare(b.title, 'fr');
	const order: Record<CareerSort, (a: (typeof scored)[number], b: (typeof scored)[number]) => number> = {
		// Without a query, « pertinence » keeps the catalogue's family order.
		pertinence: (a, b) => b.relevance - a.relevance,
		titre: (a, b) => byTitle(a.career, b.career),
		salaire: (a, b) => b.career.profile.salary.confirmed - a.career.profile.salary.confirmed,
		formation: (a, b) => a.shortest - b.shortest
	};
	return scored.sort((a, b) => order[filters.sort](a, b) || byTitle(a.career, b.career)).map((s) => s.career);
}

export const DURATION_LIMITS = ['6', '12', '24', 'plus'] as const;
export type DurationLimit = (typeof DURATION_LIMITS)[number];

export interface TrainingFilters {
	q: string;
	kind: Training['kind'] | null;
	duration: DurationLimit | null;
	/** Bac+N reached. */
	level: number | null;
	format: Training['formats'][number] | null;
	financing: Training['financing'][number] | null;
	career: string | null;
}

/** The query parameters of the trainings directory (page and API), by filter. */
export const TRAINING_FILTER_PARAMS = {
	q: 'q',
	kind: 'type',
	duration: 'duree',
	level: 'niveau',
	format: 'format',
	financing: 'financement',
	career: 'metier'
} as const satisfies Record<keyof TrainingFilters, string>;

/** The parameters given with a value the filters do not know (the API refuses them; the page ignores them). */
export function invalidTrainingFilterParams(params: URLSearchParams, filters: TrainingFilters): string[] {
	return (Object.keys(TRAINING_FILTER_PARAMS) as (keyof TrainingFilters)[])
		.filter((key) => key !== 'q' && params.has(TRAINING_FILTER_PARAMS[key]) && filters[key] === null)
		.map((key) => TRAINING_FILTER_PARAMS[key]);
}

export function parseTrainingFilters(
	params: URLSearchParams,
	careerSlugs: readonly string[]
): TrainingFilters {
	const param = (key: keyof TrainingFilters) => params.get(TRAINING_FILTER_PARAMS[key]);
	const level = param('level');
	return {
		q: (param('q') ?? '').slice(0, 100),
		kind: oneOf(param('kind'), TRAINING_KINDS),
		duration: oneOf(param('duration'), DURATION_LIMITS),
		level: level !== null && /^[0-8]$/.test(level) ? Number(level) : null,
		format: oneOf(param('format'), TRAINING_FORMATS),
		financing: oneOf(param('financing'), FINANCING_KINDS),
		career: oneOf(param('career'), careerSlugs)
	};
}

/** Trainings matching the filters, in catalogue order (shortest route first: `byShortestRoute`). */
export function filterTrainings(catalogue: Catalogue, filters: TrainingFilters): Training[] {
	const terms = searchTerms(filters.q);
	const search = searchFields(catalogue);
	const scored: { training: Training; relevance: number }[] = [];
	for (const training of catalogue.trainings) {
		if (filters.kind && training.kind !== filters.kind) continue;
		if (filters.duration) {
			const months = training.durationMonths;
			if (filters.duration === 'plus' ? months <= 24 : months > Number(filters.duration)) continue;
		}
		if (filters.level !== null && training.level.bac !== filters.level) continue;
		if (filters.format && !training.formats.includes(filters.format)) continue;
		if (filters.financing && !training.financing.includes(filters.financing)) continue;
		if (filters.career && !training.careers.includes(filters.career)) continue;
		let score = 1;
		if (terms.length > 0) {
			score = relevance(terms, search.get(`training:${training.slug}`)!);
			if (score === 0) continue;
		}
		scored.push({ training, relevance: score });
	}
	return scored.sort((a, b) => b.relevance - a.relevance).map((s) => s.training);
}
