import { prepareCareers } from '$lib/engine';
import { DIMENSION_IDS, RIASEC_IDS, SKILL_IDS, type SkillId } from '$lib/engine/dimensions';
import type { CatalogueRecords } from './content';
import type { CareerContent } from './content-schema';
import type { CareerProfile, Catalogue, CatalogueCareer, CatalogueQuestion, Training } from './types';

/**
 * The catalogue as the engine and the pages use it, built from a version's records: the one served now, an
 * older one that a result was computed with, or the drafts an editor previews. One builder for all three, so
 * that a preview or an old result is drawn exactly as the public pages draw today's.
 */
export function buildCatalogue(
	records: CatalogueRecords,
	version: { number: number; hash: string }
): Catalogue {
	const familyPosition = new Map(records.families.map((f, position) => [f.id, position]));
	const careers: CatalogueCareer[] = records.careers
		.map((career) => ({
			slug: career.slug,
			title: career.title,
			familyId: career.family,
			hook: career.hook,
			summary: career.summary,
			onet: career.onet,
			entryLevel: career.entryLevel,
			// In the dimensions' order, whatever order the stored version kept (PostgreSQL's jsonb sorts keys).
			vector: {
				riasec: inOrder(career.vector.riasec, RIASEC_IDS),
				skills: inOrder(career.vector.skills, SKILL_IDS)
			},
			profile: careerProfileOf(career)
		}))
		.sort(
			(a, b) =>
				(familyPosition.get(a.familyId) ?? 0) - (familyPosition.get(b.familyId) ?? 0) ||
				a.title.localeCompare(b.title, 'fr')
		);
	const questions: CatalogueQuestion[] = records.questions.map(({ id, text, loadings }) => ({
		id,
		text: { fr: text.fr, en: text.en },
		loadings: inOrder(loadings, DIMENSION_IDS)
	}));
	const trainings: Training[] = records.trainings
		.map((training): Training => ({
			slug: training.slug,
			name: training.name,
			kind: training.kind,
			track: training.track,
			durationMonths: training.durationMonths,
			level: { bac: training.level.bac, rncp: training.level.rncp },
			registration: { rncp: training.registration.rncp, rs: training.registration.rs },
			formats: training.formats,
			financing: training.financing,
			skills: training.skills as SkillId[],
			cost: training.cost,
			prerequisites: training.prerequisites,
			summary: training.summary,
			providers: training.providers,
			careers: [...training.careers].sort()
		}))
		.sort(byShortestRoute);
	const trainingsByCareer = new Map<string, Training[]>(careers.map((c) => [c.slug, []]));
	for (const training of trainings) {
		for (const slug of training.careers) trainingsByCareer.get(slug)?.push(training);
	}
	return {
		version: version.hash,
		number: version.number,
		families: records.families.map(({ id, name }) => ({ id, name })),
		careers,
		engineCareers: prepareCareers(careers),
		questions,
		careerBySlug: new Map(careers.map((c) => [c.slug, c])),
		trainings,
		trainingBySlug: new Map(trainings.map((t) => [t.slug, t])),
		trainingsByCareer,
		sources: records.sources
			.map((source) => ({
				id: source.id,
				name: source.name,
				publisher: source.publisher,
				year: source.year,
				url: source.url,
				licence: source.licence ?? null,
				usedFor: source.usedFor
			}))
			.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
		questionById: new Map(questions.map((q) => [q.id, q]))
	};
}

/** The sections of a career's « fiche » (what the page shows below its title), from its record. */
export function careerProfileOf(career: CareerContent): CareerProfile {
	return {
		description: career.description,
		scene: career.scene,
		missions: career.missions,
		softSkills: career.softSkills,
		technicalSkills: career.technicalSkills,
		salary: career.salary,
		workWith: career.workWith,
		workplaces: career.workplaces,
		paths: career.paths,
		testimonial: career.testimonial,
		similar: career.similar
	};
}

/** The entries of `values` in the order of `ids` (those present only). */
function inOrder<K extends string, V>(values: Partial<Record<K, V>>, ids: readonly K[]): Record<K, V> {
	return Object.fromEntries(ids.filter((id) => id in values).map((id) => [id, values[id]])) as Record<K, V>;
}

/**
 * The order trainings are listed in, shortest route first: short courses before long studies, then by the
 * level they lead to (a CAP, which has no bac level, before a bac, a bac before a BTS…), then by length.
 */
export function byShortestRoute(a: Training, b: Training): number {
	return (
		(a.track === b.track ? 0 : a.track === 'court' ? -1 : 1) ||
		(a.level.bac ?? -1) - (b.level.bac ?? -1) ||
		a.durationMonths - b.durationMonths ||
		a.name.localeCompare(b.name, 'fr')
	);
}
