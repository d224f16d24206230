import { asc, eq, notInArray } from 'drizzle-orm';
import { RIASEC_IDS, SKILL_IDS, isDimensionId, type DimensionId } from '$lib/engine/dimensions';
import { prepareCareers } from '$lib/engine';
import type { CatalogueContent } from '../../catalog/content';
import type {
	CareerProfile,
	Catalogue,
	CatalogueCareer,
	CatalogueQuestion,
	Training
} from '../../catalog/types';
import type { Db } from '../client';
import {
	careerVectors,
	careers,
	families,
	meta,
	questionLoadings,
	questions,
	sources,
	trainingCareers,
	trainings
} from '../schema';

const CATALOGUE_VERSION_KEY = 'catalogue_version';

export function readCatalogueVersion(db: Db): string | null {
	return db.select().from(meta).where(eq(meta.key, CATALOGUE_VERSION_KEY)).get()?.value ?? null;
}

/**
 * Writes the catalogue content into the database, in one IMMEDIATE transaction; does nothing when this
 * exact content was seeded already. Questions that left the content are retired, not deleted: old answers
 * keep pointing at them.
 */
export function seedCatalogue(db: Db, content: CatalogueContent): { changed: boolean } {
	return db.transaction(
		(tx) => {
			const current = tx.select().from(meta).where(eq(meta.key, CATALOGUE_VERSION_KEY)).get()?.value;
			if (current === content.version) return { changed: false };

			content.families.forEach((family, position) => {
				const row = { id: family.id, nameFr: family.name.fr, nameEn: family.name.en, position };
				tx.insert(families).values(row).onConflictDoUpdate({ target: families.id, set: row }).run();
			});

			const slugs = content.careers.map((c) => c.slug);
			tx.delete(careers).where(notInArray(careers.slug, slugs)).run();
			for (const career of content.careers) {
				const row = {
					slug: career.slug,
					title: career.title,
					familyId: career.family,
					hook: career.hook,
					summary: career.summary,
					onetCode: career.onet.code,
					onetTitle: career.onet.title,
					onetAnalogQuality: career.onet.analogQuality,
					profile: {
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
					} satisfies CareerProfile
				};
				tx.insert(careers).values(row).onConflictDoUpdate({ target: careers.slug, set: row }).run();
				tx.delete(careerVectors).where(eq(careerVectors.careerSlug, career.slug)).run();
				tx.insert(careerVectors)
					.values([
						...RIASEC_IDS.map((id) => ({
							careerSlug: career.slug,
							dimensionId: id,
							value: career.vector.riasec[id]
						})),
						...SKILL_IDS.map((id) => ({
							careerSlug: career.slug,
							dimensionId: id,
							value: career.vector.skills[id]
						}))
					])
					.run();
			}
			tx.delete(families)
				.where(
					notInArray(
						families.id,
						content.families.map((f) => f.id)
					)
				)
				.run();

			tx.delete(trainings).run();
			for (const training of content.trainings) {
				const { careers: careerSlugs, level, ...rest } = training;
				tx.insert(trainings)
					.values({ ...rest, levelBac: level.bac, levelRncp: level.rncp })
					.run();
				tx.insert(trainingCareers)
					.values(careerSlugs.map((careerSlug) => ({ trainingSlug: training.slug, careerSlug })))
					.run();
			}

			tx.delete(sources).run();
			if (content.sources.length > 0) tx.insert(sources).values(content.sources).run();

			tx.update(questions).set({ active: false }).run();
			content.questions.forEach((question, position) => {
				const row = {
					id: question.id,
					position,
					textFr: question.text.fr,
					textEn: question.text.en,
					rationale: question.rationale,
					active: true
				};
				tx.insert(questions).values(row).onConflictDoUpdate({ target: questions.id, set: row }).run();
				tx.delete(questionLoadings).where(eq(questionLoadings.questionId, question.id)).run();
				tx.insert(questionLoadings)
					.values(
						Object.entries(question.loadings).map(([dimensionId, weight]) => ({
							questionId: question.id,
							dimensionId,
							weight
						}))
					)
					.run();
			});

			tx.insert(meta)
				.values({ key: CATALOGUE_VERSION_KEY, value: content.version })
				.onConflictDoUpdate({ target: meta.key, set: { value: content.version } })
				.run();
			return { changed: true };
		},
		{ behavior: 'immediate' }
	);
}

/** The whole catalogue as the engine and the pages use it: a few hundred rows, read in four queries. */
export function readCatalogue(db: Db): Catalogue {
	const familyRows = db.select().from(families).orderBy(asc(families.position)).all();
	const familyPosition = new Map(familyRows.map((f) => [f.id, f.position]));
	const vectorRows = db.select().from(careerVectors).all();
	const vectors = new Map<string, Map<string, number>>();
	for (const row of vectorRows) {
		if (!vectors.has(row.careerSlug)) vectors.set(row.careerSlug, new Map());
		vectors.get(row.careerSlug)!.set(row.dimensionId, row.value);
	}

	const careerList: CatalogueCareer[] = db
		.select()
		.from(careers)
		.all()
		.map((row) => {
			const values = vectors.get(row.slug) ?? new Map<string, number>();
			return {
				slug: row.slug,
				title: row.title,
				familyId: row.familyId,
				hook: row.hook,
				summary: row.summary,
				onet: { code: row.onetCode, title: row.onetTitle, analogQuality: row.onetAnalogQuality },
				profile: row.profile as CareerProfile,
				vector: {
					riasec: Object.fromEntries(
						RIASEC_IDS.map((id) => [id, values.get(id) ?? 0])
					) as CatalogueCareer['vector']['riasec'],
					skills: Object.fromEntries(
						SKILL_IDS.map((id) => [id, values.get(id) ?? 0])
					) as CatalogueCareer['vector']['skills']
				}
			};
		})
		.sort(
			(a, b) =>
				(familyPosition.get(a.familyId) ?? 0) - (familyPosition.get(b.familyId) ?? 0) ||
				a.title.localeCompare(b.title, 'fr')
		);

	const loadings = new Map<string, Partial<Record<DimensionId, number>>>();
	for (const row of db.select().from(questionLoadings).all()) {
		if (!isDimensionId(row.dimensionId)) continue;
		if (!loadings.has(row.questionId)) loadings.set(row.questionId, {});
		loadings.get(row.questionId)![row.dimensionId] = row.weight;
	}
	const questionList: CatalogueQuestion[] = db
		.select()
		.from(questions)
		.where(eq(questions.active, true))
		.orderBy(asc(questions.position))
		.all()
		.map((row) => ({
			id: row.id,
			text: { fr: row.textFr, en: row.textEn },
			loadings: loadings.get(row.id) ?? {}
		}));

	const trainingList = readTrainings(db);
	const trainingsByCareer = new Map<string, Training[]>(careerList.map((c) => [c.slug, []]));
	for (const training of trainingList) {
		for (const slug of training.careers) trainingsByCareer.get(slug)?.push(training);
	}

	return {
		version: readCatalogueVersion(db) ?? 'unseeded',
		families: familyRows.map((f) => ({ id: f.id, name: { fr: f.nameFr, en: f.nameEn } })),
		careers: careerList,
		engineCareers: prepareCareers(careerList),
		questions: questionList,
		careerBySlug: new Map(careerList.map((c) => [c.slug, c])),
		trainings: trainingList,
		trainingBySlug: new Map(trainingList.map((t) => [t.slug, t])),
		trainingsByCareer,
		sources: db.select().from(sources).orderBy(asc(sources.id)).all(),
		questionById: new Map(questionList.map((q) => [q.id, q]))
	};
}

function readTrainings(db: Db): Training[] {
	const links = new Map<string, string[]>();
	for (const row of db.select().from(trainingCareers).all()) {
		if (!links.has(row.trainingSlug)) links.set(row.trainingSlug, []);
		links.get(row.trainingSlug)!.push(row.careerSlug);
	}
	return db
		.select()
		.from(trainings)
		.all()
		.map((row): Training => ({
			slug: row.slug,
			name: row.name,
			kind: row.kind as Training['kind'],
			track: row.track,
			durationMonths: row.durationMonths,
			level: { bac: row.levelBac, rncp: row.levelRncp },
			formats: row.formats as Training['formats'],
			financing: row.financing as Training['financing'],
			skills: row.skills as Training['skills'],
			cost: row.cost,
			prerequisites: row.prerequisites,
			summary: row.summary,
			providers: row.providers,
			careers: (links.get(row.slug) ?? []).sort()
		}))
		.sort(
			(a, b) =>
				(a.track === b.track ? 0 : a.track === 'court' ? -1 : 1) ||
				a.durationMonths - b.durationMonths ||
				a.name.localeCompare(b.name, 'fr')
		);
}
