import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// Every page of the catalogue, once: 31 careers, every training, the directories with filters applied.
test('every catalogue page passes axe', async ({ page, request }) => {
	test.setTimeout(300_000);
	const careers: { slug: string }[] = await (await request.get('/api/v1/careers')).json();
	const trainings: { slug: string }[] = await (await request.get('/api/v1/trainings')).json();
	const paths = [
		'/formations',
		'/formations?type=bts&format=alternance',
		'/metiers?q=zzz',
		'/metiers?famille=data-ia&tri=salaire',
		...careers.map((c) => `/metiers/${c.slug}`),
		...trainings.map((t) => `/formations/${t.slug}`)
	];
	const failures: string[] = [];
	for (const path of paths) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
			.analyze();
		for (const violation of results.violations) {
			failures.push(`${path} ${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`);
		}
	}
	expect(failures).toEqual([]);
});
