import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueContent } from './content';

const json = (value: unknown) => `${JSON.stringify(value, null, '\t')}\n`;

/**
 * Writes a catalogue in `content/`'s layout, so that what editors published can be reviewed in git and
 * seed a new database: `version.json`, the lists, one file per career and per training (files of records
 * no longer in the catalogue are removed). Keys come in the schemas' order (`content` went through them),
 * tabs indent: the same catalogue always gives the same bytes.
 */
export function writeCatalogueContent(
	content: CatalogueContent,
	dir: string
): { files: number; removed: number } {
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'version.json'), json({ number: content.number }));
	writeFileSync(join(dir, 'families.json'), json(content.families));
	writeFileSync(join(dir, 'questions.json'), json(content.questions));
	writeFileSync(join(dir, 'sources.json'), json(content.sources));
	let files = 4;
	let removed = 0;
	for (const [folder, records] of [
		['careers', content.careers],
		['trainings', content.trainings]
	] as const) {
		const path = join(dir, folder);
		mkdirSync(path, { recursive: true });
		const kept = new Set(records.map((record) => `${record.slug}.json`));
		for (const name of readdirSync(path)) {
			if (name.endsWith('.json') && !kept.has(name)) {
				rmSync(join(path, name));
				removed += 1;
			}
		}
		for (const record of records) writeFileSync(join(path, `${record.slug}.json`), json(record));
		files += records.length;
	}
	return { files, removed };
}
