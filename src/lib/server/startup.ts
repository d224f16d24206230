import { loadCatalogueContent } from './catalog/content';
import type { Connection } from './db/client';
import {
	currentCatalogueVersion,
	importCatalogueIfNewer,
	type ImportOutcome
} from './db/repositories/catalogue';
import { backfillResultSummaries } from './db/repositories/results';

/**
 * Brings a database up to date, once for all app processes (`npm run db:migrate`, which `npm start` runs
 * first): migrations, then the catalogue of `content/` when its number is higher than the database's, then
 * summaries for results stored before they existed. Safe when two processes run it at once.
 */
export async function prepareDatabase(
	connection: Connection,
	contentDir?: string
): Promise<{ catalogue: ImportOutcome & { contentNumber: number }; summaries: number }> {
	const content = loadCatalogueContent(contentDir);
	return connection.exclusively(async () => {
		await connection.migrate();
		const catalogue = await importCatalogueIfNewer(connection.db, content);
		const summaries = await backfillResultSummaries(connection.db);
		return { catalogue: { ...catalogue, contentNumber: content.number }, summaries };
	});
}

/**
 * What an app process checks when it starts: the database is migrated and holds a catalogue. It never
 * migrates itself (several processes may start at once); it says what to run instead.
 */
export async function checkDatabaseReady(connection: Connection): Promise<{ catalogueNumber: number }> {
	const hint = 'run `npm run db:migrate` first (`npm start` does it)';
	let current;
	try {
		current = await currentCatalogueVersion(connection.db);
	} catch (cause) {
		throw new Error(`Boussole: the database is not ready (${(cause as Error).message}): ${hint}.`, { cause });
	}
	if (!current) throw new Error(`Boussole: the database holds no catalogue: ${hint}.`);
	const pending = await connection.pendingMigrations();
	if (pending > 0)
		throw new Error(`Boussole: ${pending} migration(s) of the database are not applied: ${hint}.`);
	return { catalogueNumber: current.number };
}
