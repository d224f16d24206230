// `npm run content:export [-- --out dir]`: writes the catalogue published in the database (`DATABASE_URL`, the
// SQLite file by default) back to `content/` in the same format, for review in git. Raise nothing by hand
// afterwards: `version.json` carries the database's number, so a deploy of this export never overwrites
// what editors publish after it.
import { parseArgs } from 'node:util';
import { catalogueFromRecords } from '../src/lib/server/catalog/content';
import { writeCatalogueContent } from '../src/lib/server/catalog/export';
import { connect } from '../src/lib/server/db/client';
import { readCatalogueVersion } from '../src/lib/server/db/repositories/catalogue';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'content' } } });
const connection = connect(process.env.DATABASE_URL);
try {
	const version = await readCatalogueVersion(connection.db, 'latest');
	if (!version) throw new Error('the database holds no catalogue (run `npm run db:migrate` first)');
	// Through the schemas again: keys in a stable order, whatever order the database kept them in.
	const content = catalogueFromRecords(version.number, version.records);
	if (content.version !== version.hash)
		throw new Error(
			`version ${version.number}: its records give hash ${content.version}, not ${version.hash}`
		);
	const { files, removed } = writeCatalogueContent(content, values.out!);
	console.log(
		`content:export: version ${version.number} written to ${values.out}/ (content hash ${content.version}): ${files} files, ${removed} removed`
	);
} finally {
	await connection.close();
}
