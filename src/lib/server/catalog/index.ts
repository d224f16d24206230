import { currentCatalogueVersion, readCatalogue } from '../db/repositories/catalogue';
import { getDb } from '../db';
import { buildCatalogue } from './build';
import type { Catalogue } from './types';

export type { Catalogue, CatalogueCareer, CatalogueQuestion, Family } from './types';

/**
 * The catalogue served now. It is kept in memory, keyed by its version number, and each call first reads
 * the current number (one small query): when another process (or the back-office) publishes a new version,
 * the next request of every process serves it, without a restart.
 */
let cached: { number: number; catalogue: Promise<Catalogue> } | undefined;

export async function getCatalogue(): Promise<Catalogue> {
	const db = getDb();
	const number = (await currentCatalogueVersion(db))?.number ?? 0;
	if (cached?.number !== number) {
		const catalogue = readBuilt({ number });
		cached = { number, catalogue };
		catalogue.catch(() => {
			if (cached?.catalogue === catalogue) cached = undefined;
		});
	}
	return cached.catalogue;
}

/** Older catalogues that results were computed with, by content hash: a few, the most recently used. */
const older = new Map<string, Promise<Catalogue>>();
const OLDER_KEPT = 8;

/**
 * The catalogue a result was computed with (its titles, families, trainings, vectors), found by the content
 * hash the result recorded; today's when it is the same, or when the database no longer holds that version
 * (results made before versions were kept).
 */
export async function catalogueOfVersion(hash: string): Promise<Catalogue> {
	const current = await getCatalogue();
	if (current.version === hash) return current;
	let catalogue = older.get(hash);
	if (!catalogue) {
		catalogue = readBuilt({ hash });
		older.set(hash, catalogue);
		if (older.size > OLDER_KEPT) older.delete(older.keys().next().value!);
	} else {
		older.delete(hash);
		older.set(hash, catalogue);
	}
	// A version the database does not hold (or a failed read) is not kept: today's, for this call only.
	catalogue = catalogue.catch(() => {
		older.delete(hash);
		return current;
	});
	return catalogue;
}

async function readBuilt(which: { number: number } | { hash: string }): Promise<Catalogue> {
	const catalogue = await readCatalogue(getDb(), which);
	if (catalogue) return catalogue;
	if ('hash' in which) throw new Error(`no catalogue version ${which.hash}`);
	return buildCatalogue(
		{ families: [], questions: [], careers: [], trainings: [], sources: [] },
		{ number: 0, hash: 'unseeded' }
	);
}

/** Forgets the kept catalogues (tests that swap databases). */
export function forgetCatalogue(): void {
	cached = undefined;
	older.clear();
}
