import { loadCatalogueContent } from './catalog/content';
import { invalidateCatalogue } from './catalog';
import { migrateDatabase, type Db } from './db/client';
import { seedCatalogue } from './db/repositories/catalogue';
import { backfillResultSummaries } from './db/repositories/results';
import { deleteExpiredSessions } from './db/repositories/sessions';

/** Brings the database up to date at start-up: migrations first, then the launch catalogue (idempotent). */
export async function prepareDatabase(
	db: Db,
	contentDir?: string
): Promise<{ catalogueVersion: string; seeded: boolean }> {
	await migrateDatabase(db);
	// Expired sessions are refused anyway; dropping them keeps the table to the living ones.
	await deleteExpiredSessions(db);
	await backfillResultSummaries(db);
	const content = loadCatalogueContent(contentDir);
	const { changed } = await seedCatalogue(db, content);
	invalidateCatalogue();
	return { catalogueVersion: content.version, seeded: changed };
}
