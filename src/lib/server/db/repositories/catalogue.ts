import { asc, desc, eq, notInArray } from 'drizzle-orm';
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
import { forUpdate, type Db } from '../client';
import {
	careerVectors,
	careers,
	catalogueVersions,
	families,
	questionLoadings,
	questions,
	sources,
	trainingCareers,
	trainings
} from '../schema';

export interface CatalogueVersionRef {
	/** Grows by one with each import or publication. */
	number: number;
	/** The content's own hash, which results record. */
	hash: string;
}

/** The catalogue the app serves: the highest version. One small indexed read, cheap enough for every request. */
export async function currentCatalogueVersion(db: Db): Promise<CatalogueVersionRef | null> {
	const [row] = await db
		.select({ number: catalogueVersions.number, hash: catalogueVersions.hash })
		.from(catalogueVersions)
		.orderBy(desc(catalogueVersions.number))
		.limit(1);
	return row ?? null;
}

export type ImportOutcome =
	{ imported: true; number: number } | { imported: false; number: number; reason: 'same' | 'older' };

/**
 * Imports the catalogue of `content/` as a new version when its number is higher than the database's latest;
 * an equal or lower number never overwrites what the database holds (what editors published stays). One
 * transaction: the live tables and the version row change together. Questions that left the content are
 * retired, not deleted: old answers keep pointing at them.
 */
export async function importCatalogueIfNewer(
	db: Db,
	content: CatalogueContent,
	now = new Date()
): Promise<ImportOutcome> {
	return db.transaction(async (tx) => {
		const [latest] = await forUpdate(
			tx,
			tx.select().from(catalogueVersions).orderBy(desc(catalogueVersions.number)).limit(1)
		);
		if (latest && latest.number >= content.number)
			return {
				imported: false,
				number: latest.number,
				reason: latest.hash === content.version ? 'same' : 'older'
			};
		await tx.insert(catalogueVersions).values({
			number: content.number,
			hash: content.version,
			source: 'content',
			content,
			createdAt: now
		});

		for (const [position, family] of content.families.entries()) {
			const row = { id: family.id, nameFr: family.name.fr, nameEn: family.name.en, position };
			await tx.insert(families).values(row).onConflictDoUpdate({ target: families.id, set: row });
		}

		const slugs = content.careers.map((c) => c.slug);
		await tx.delete(careers).where(notInArray(careers.slug, slugs));
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
				entryLevel: career.entryLevel,
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
			await tx.insert(careers).values(row).onConflictDoUpdate({ target: careers.slug, set: row });
			await tx.delete(careerVectors).where(eq(careerVectors.careerSlug, career.slug));
			await tx.insert(careerVectors).values([
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
			]);
		}
		await tx.delete(families).where(
			notInArray(
				families.id,
				content.families.map((f) => f.id)
			)
		);

		await tx.delete(trainings);
		for (const training of content.trainings) {
			const { careers: careerSlugs, level, registration, ...rest } = training;
			await tx.insert(trainings).values({
				...rest,
				levelBac: level.bac,
				levelRncp: level.rncp,
				registrationRncp: registration.rncp,
				registrationRs: registration.rs
			});
			await tx
				.insert(trainingCareers)
				.values(careerSlugs.map((careerSlug) => ({ trainingSlug: training.slug, careerSlug })));
		}

		await tx.delete(sources);
		if (content.sources.length > 0) await tx.insert(sources).values(content.sources);

		await tx.update(questions).set({ active: false });
		for (const [position, question] of content.questions.entries()) {
			const row = {
				id: question.id,
				position,
				textFr: question.text.fr,
				textEn: question.text.en,
				rationale: question.rationale,
				active: true
			};
			await tx.insert(questions).values(row).onConflictDoUpdate({ target: questions.id, set: row });
			await tx.delete(questionLoadings).where(eq(questionLoadings.questionId, question.id));
			await tx.insert(questionLoadings).values(
				Object.entries(question.loadings).map(([dimensionId, weight]) => ({
					questionId: question.id,
					dimensionId,
					weight
				}))
			);
		}

		return { imported: true, number: content.number };
	});
}

/** The whole catalogue as the engine and the pages use it: a few hundred rows, read in four queries. */
export async function readCatalogue(db: Db): Promise<Catalogue> {
	const [familyRows, vectorRows, careerRows, loadingRows, questionRows, trainingList, sourceRows, current] =
		await Promise.all([
			db.select().from(families).orderBy(asc(families.position)),
			db.select().from(careerVectors),
			db.select().from(careers),
			db.select().from(questionLoadings),
			db.select().from(questions).where(eq(questions.active, true)).orderBy(asc(questions.position)),
			readTrainings(db),
			db.select().from(sources).orderBy(asc(sources.id)),
			currentCatalogueVersion(db)
		]);
	const familyPosition = new Map(familyRows.map((f) => [f.id, f.position]));
	const vectors = new Map<string, Map<string, number>>();
	for (const row of vectorRows) {
		if (!vectors.has(row.careerSlug)) vectors.set(row.careerSlug, new Map());
		vectors.get(row.careerSlug)!.set(row.dimensionId, row.value);
	}

	const careerList: CatalogueCareer[] = careerRows
		.map((row) => {
			const values = vectors.get(row.slug) ?? new Map<string, number>();
			return {
				slug: row.slug,
				title: row.title,
				familyId: row.familyId,
				hook: row.hook,
				summary: row.summary,
				onet: { code: row.onetCode, title: row.onetTitle, analogQuality: row.onetAnalogQuality },
				entryLevel: row.entryLevel,
				profile: row.profile,
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
	for (const row of loadingRows) {
		if (!isDimensionId(row.dimensionId)) continue;
		if (!loadings.has(row.questionId)) loadings.set(row.questionId, {});
		loadings.get(row.questionId)![row.dimensionId] = row.weight;
	}
	const questionList: CatalogueQuestion[] = questionRows.map((row) => ({
		id: row.id,
		text: { fr: row.textFr, en: row.textEn },
		loadings: loadings.get(row.id) ?? {}
	}));

	const trainingsByCareer = new Map<string, Training[]>(careerList.map((c) => [c.slug, []]));
	for (const training of trainingList) {
		for (const slug of training.careers) trainingsByCareer.get(slug)?.push(training);
	}

	return {
		version: current?.hash ?? 'unseeded',
		number: current?.number ?? 0,
		families: familyRows.map((f) => ({ id: f.id, name: { fr: f.nameFr, en: f.nameEn } })),
		careers: careerList,
		engineCareers: prepareCareers(careerList),
		questions: questionList,
		careerBySlug: new Map(careerList.map((c) => [c.slug, c])),
		trainings: trainingList,
		trainingBySlug: new Map(trainingList.map((t) => [t.slug, t])),
		trainingsByCareer,
		sources: sourceRows,
		questionById: new Map(questionList.map((q) => [q.id, q]))
	};
}

async function readTrainings(db: Db): Promise<Training[]> {
	const [linkRows, trainingRows] = await Promise.all([
		db.select().from(trainingCareers),
		db.select().from(trainings)
	]);
	const links = new Map<string, string[]>();
	for (const row of linkRows) {
		if (!links.has(row.trainingSlug)) links.set(row.trainingSlug, []);
		links.get(row.trainingSlug)!.push(row.careerSlug);
	}
	return trainingRows
		.map((row): Training => ({
			slug: row.slug,
			name: row.name,
			kind: row.kind as Training['kind'],
			track: row.track,
			durationMonths: row.durationMonths,
			level: { bac: row.levelBac, rncp: row.levelRncp },
			registration: { rncp: row.registrationRncp, rs: row.registrationRs },
			formats: row.formats,
			financing: row.financing,
			skills: row.skills,
			cost: row.cost,
			prerequisites: row.prerequisites,
			summary: row.summary,
			providers: row.providers,
			careers: (links.get(row.slug) ?? []).sort()
		}))
		.sort(byShortestRoute);
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
