import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { handsOnAnswers, takeWholeQuiz } from './helpers';

async function expectNoViolations(page: Page, path: string): Promise<void> {
	const response = await page.goto(path);
	expect(response?.ok() || response?.status() === 404, `${path} answered ${response?.status()}`).toBe(true);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary, path).toEqual([]);
}

test('the main pages pass axe', async ({ page, request }) => {
	test.setTimeout(120_000);
	const careers: { slug: string }[] = await (await request.get('/api/v1/careers')).json();
	const paths = [
		'/',
		'/quiz',
		'/quiz?page=2',
		'/metiers',
		'/formations',
		'/methodologie',
		'/confidentialite',
		'/compte/inscription',
		'/compte/connexion',
		'/page-qui-n-existe-pas',
		`/metiers/${careers[0]!.slug}`
	];
	for (const path of paths) await expectNoViolations(page, path);
});

test('the results page and an error message pass axe', async ({ page }) => {
	await page.goto('/quiz');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await takeWholeQuiz(page, handsOnAnswers);
	const resultPath = new URL(page.url()).pathname;
	await expectNoViolations(page, resultPath);
	await page.getByText(/Le classement complet/).click();
	await page.locator('summary', { hasText: 'Valeurs de votre profil' }).click();
	const expanded = await new AxeBuilder({ page }).analyze();
	expect(expanded.violations.map((v) => v.id)).toEqual([]);

	await page.goto('/quiz?page=16');
	await page.getByRole('button', { name: 'Voir mes résultats' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	const withError = await new AxeBuilder({ page }).analyze();
	expect(withError.violations.map((v) => v.id)).toEqual([]);
});

test('pages in English pass axe too', async ({ page, context, baseURL }) => {
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
	for (const path of ['/', '/quiz', '/metiers', '/metiers/data-analyst'])
		await expectNoViolations(page, path);
});
