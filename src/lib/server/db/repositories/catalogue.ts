import { desc, eq, notInArray } from 'drizzle-orm';
import { RIASEC_IDS, SKILL_IDS } from '$lib/engine/dimensions';
import type { CatalogueContent, CatalogueRecords } from '../../catalog/content';
import { buildCatalogue, careerProfileOf } from '../../catalog/build';
import type { Catalogue } from '../../catalog/types';
import { forUpdate, lockForTransaction, preparedFirst, type Db } from '../client';
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

/** Each database's prepared read of the current version (a transaction object is a database of its own). */
const currentVersionReads = new WeakMap<Db, () => Promise<CatalogueVersionRef | null>>();

/**
 * The catalogue the app serves: the highest version. One small indexed read for every request, kept pages
 * included, so it is prepared once per database: building the query each time cost ten times the read itself
 * (about 25 µs against 3 on SQLite).
 */
export async function currentCatalogueVersion(db: Db): Promise<CatalogueVersionRef | null> {
	let read = currentVersionReads.get(db);
	if (!read) {
		read = preparedFirst<CatalogueVersionRef>(
			db,
			'boussole_current_catalogue_version',
			db
				.select({ number: catalogueVersions.number, hash: catalogueVersions.hash })
				.from(catalogueVersions)
				.orderBy(desc(catalogueVersions.number))
				.limit(1)
		);
		currentVersionReads.set(db, read);
	}
	return read();
}

/** Any 64-bit number, the same in every process: imports and publications of catalogue versions take turns. */
const CATALOGUE_LOCK = 4_242_018;

export type ImportOutcome =
	{ imported: true; number: number } | { imported: false; number: number; reason: 'same' | 'older' };

/**
 * Imports the catalogue of `content/` as a new version when its number is higher than the database's latest;
 * an equal or lower number never overwrites what the database holds (what editors published stays). One
 * transaction: the live tables and the version row change together.
 */
export async function importCatalogueIfNewer(
	db: Db,
	content: CatalogueContent,
	now = new Date()
): Promise<ImportOutcome> {
	return db.transaction(async (tx) => {
		await lockForTransaction(tx, CATALOGUE_LOCK);
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
		await writeLiveTables(tx, content);
		return { imported: true, number: content.number };
	});
}

export interface Publication {
	author: { id: string; identifier: string };
	source: 'editor' | 'rollback';
	note: string | null;
	/** The version the editor worked from: if another was published since, nothing is written. */
	basedOn: number;
}

/**
 * Makes `records` the next version (latest + 1), inside the caller's transaction: the version row, the live
 * tables. Returns null when another version was published since `basedOn` (two editors at once): the
 * second must look at the first's work before publishing over it.
 */
export async function publishVersion(
	tx: Db,
	records: CatalogueRecords,
	hash: string,
	publication: Publication,
	now = new Date()
): Promise<number | null> {
	await lockForTransaction(tx, CATALOGUE_LOCK);
	const [latest] = await forUpdate(
		tx,
		tx
			.select({ number: catalogueVersions.number })
			.from(catalogueVersions)
			.orderBy(desc(catalogueVersions.number))
			.limit(1)
	);
	if ((latest?.number ?? 0) !== publication.basedOn) return null;
	const number = publication.basedOn + 1;
	const content: CatalogueContent = { number, version: hash, ...records };
	await tx.insert(catalogueVersions).values({
		number,
		hash,
		source: publication.source,
		content,
		createdAt: now,
		authorId: publication.author.id,
		authorName: publication.author.identifier,
		note: publication.note
	});
	await writeLiveTables(tx, content);
	return number;
}

/** Every version, newest first, without their content. */
export async function listCatalogueVersions(db: Db) {
	return db
		.select({
			number: catalogueVersions.number,
			hash: catalogueVersions.hash,
			source: catalogueVersions.source,
			createdAt: catalogueVersions.createdAt,
			authorName: catalogueVersions.authorName,
			note: catalogueVersions.note
		})
		.from(catalogueVersions)
		.orderBy(desc(catalogueVersions.number));
}

export interface StoredVersion extends CatalogueVersionRef {
	source: 'content' | 'editor' | 'rollback';
	createdAt: Date;
	authorName: string | null;
	note: string | null;
	records: CatalogueRecords;
}

/** One version with its records: by number, or the latest one with that content hash (what results record). */
export async function readCatalogueVersion(
	db: Db,
	which: { number: number } | { hash: string } | 'latest'
): Promise<StoredVersion | null> {
	const [row] = await db
		.select()
		.from(catalogueVersions)
		.where(
			which === 'latest'
				? undefined
				: 'number' in which
					? eq(catalogueVersions.number, which.number)
					: eq(catalogueVersions.hash, which.hash)
		)
		.orderBy(desc(catalogueVersions.number))
		.limit(1);
	if (!row) return null;
	const { families, questions, careers, trainings, sources } = row.content as CatalogueContent;
	return {
		number: row.number,
		hash: row.hash,
		source: row.source,
		createdAt: row.createdAt,
		authorName: row.authorName,
		note: row.note,
		records: { families, questions, careers, trainings, sources }
	};
}

/** A stored version as the engine and the pages use it (the latest by default). */
export async function readCatalogue(
	db: Db,
	which: { number: number } | { hash: string } | 'latest' = 'latest'
): Promise<Catalogue | null> {
	const version = await readCatalogueVersion(db, which);
	return version && buildCatalogue(version.records, version);
}

/**
 * The tables other rows point at (answers at questions, links between trainings and careers) follow the
 * version served; the catalogue itself is read from the version's records. Questions that left the content
 * are retired, not deleted: old answers keep pointing at them.
 */
async function writeLiveTables(tx: Db, content: CatalogueContent): Promise<void> {
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
			profile: careerProfileOf(career)
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
}
