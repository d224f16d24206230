// `npm run db:migrate`: brings the database of DATABASE_URL up to date, once for all app processes (`npm start`
// runs it first). Safe when two run at once. With BOUSSOLE_DEMO=1 (set by `npm start`), adds the demo accounts.
import { readCatalogue } from '../src/lib/server/db/repositories/catalogue';
import { connect } from '../src/lib/server/db/client';
import { seedDemoAccounts, seedDemoCohort } from '../src/lib/server/demo';
import { prepareDatabase } from '../src/lib/server/startup';

const connection = connect(process.env.DATABASE_URL);
try {
	const { catalogue, summaries } = await prepareDatabase(connection);
	if (catalogue.imported)
		console.info(`db:migrate: catalogue version ${catalogue.number} imported from content/`);
	else if (catalogue.reason === 'same')
		console.info(`db:migrate: up to date (${connection.dialect}, catalogue version ${catalogue.number})`);
	else
		console.warn(
			`db:migrate: content/ (version ${catalogue.contentNumber}) differs from the database's version ` +
				`${catalogue.number} but is not newer: not imported. Raise the number in content/version.json ` +
				'to publish it; what the database holds was kept.'
		);
	if (summaries > 0) console.info(`db:migrate: ${summaries} result summaries filled in`);
	if (process.env.BOUSSOLE_DEMO === '1') {
		await connection.exclusively(async () => {
			const created = await seedDemoAccounts(connection.db);
			if (created > 0) console.info(`db:migrate: ${created} demo account(s) created (local use only)`);
			if (await seedDemoCohort(connection.db, await readCatalogue(connection.db)))
				console.info('db:migrate: demo cohort created');
		});
	}
} finally {
	await connection.close();
}
