import { readCatalogue } from '../db/repositories/catalogue';
import { getDb } from '../db';
import type { Catalogue } from './types';

export type { Catalogue, CatalogueCareer, CatalogueQuestion, Family } from './types';

/**
 * The catalogue changes only when it is seeded (at start-up) or edited, so it is read once and kept:
 * a documented module-level cache. Whoever changes the catalogue calls `invalidateCatalogue()`.
 */
let cached: Promise<Catalogue> | undefined;

export function getCatalogue(): Promise<Catalogue> {
	cached ??= readCatalogue(getDb()).catch((error) => {
		cached = undefined;
		throw error;
	});
	return cached;
}

export function invalidateCatalogue(): void {
	cached = undefined;
}
