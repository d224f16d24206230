import { currentCatalogueVersion, readCatalogue } from '../db/repositories/catalogue';
import { getDb } from '../db';
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
		const catalogue = readCatalogue(db);
		cached = { number, catalogue };
		catalogue.catch(() => {
			if (cached?.catalogue === catalogue) cached = undefined;
		});
	}
	return cached.catalogue;
}

/** Forgets the kept catalogue (tests that swap databases). */
export function forgetCatalogue(): void {
	cached = undefined;
}
