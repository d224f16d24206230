import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { expectNoAxeViolations } from './helpers';

/** The slugs of a catalogue folder: the test database is seeded from these files. */
const slugs = (folder: string) =>
	readdirSync(`content/${folder}`)
		.filter((name) => name.endsWith('.json'))
		.map((name) => name.slice(0, -'.json'.length))
		.sort();

// Every page of the catalogue once, one test each (both workers share them, a failure names the page): every
// career, every training, and the directories with filters applied.
const PATHS = [
	'/formations',
	'/formations?type=bts&format=alternance',
	'/metiers?q=zzz',
	'/metiers?famille=data-ia&tri=salaire',
	...slugs('careers').map((slug) => `/metiers/${slug}`),
	...slugs('trainings').map((slug) => `/formations/${slug}`)
];

for (const path of PATHS) {
	test(`axe: ${path}`, async ({ page }) => {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expectNoAxeViolations(page, path);
	});
}
