import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, finishQuiz, handsOnAnswers } from './helpers';

const MAIN_PAGES = [
	'/',
	'/quiz',
	'/quiz?page=2',
	'/metiers',
	'/metiers?etudes=bac2',
	'/formations',
	'/methodologie',
	'/confidentialite',
	'/compte/inscription',
	'/compte/connexion',
	'/compte/mot-de-passe-oublie',
	'/page-qui-n-existe-pas',
	'/metiers/data-analyst'
];

for (const path of MAIN_PAGES) {
	test(`axe: ${path}`, async ({ page }) => {
		const response = await page.goto(path);
		expect(response?.ok() || response?.status() === 404, `${path} answered ${response?.status()}`).toBe(true);
		await expectNoAxeViolations(page, path);
	});
}

test('every public page has its own description for search engines and link previews', async ({ page }) => {
	const descriptions = new Map<string, string>();
	for (const path of MAIN_PAGES.filter((p) => !p.includes('?') && !p.includes('n-existe-pas'))) {
		await page.goto(path);
		const description = (await page.locator('meta[name="description"]').getAttribute('content')) ?? '';
		expect(description.length, `${path}: « ${description} »`).toBeGreaterThanOrEqual(50);
		expect(description.length, `${path}: « ${description} »`).toBeLessThanOrEqual(200);
		descriptions.set(path, description);
	}
	expect(new Set(descriptions.values()).size).toBe(descriptions.size);
});

test('the results page passes axe, with its details open', async ({ page }) => {
	const resultPath = await finishQuiz(page, handsOnAnswers);
	await expectNoAxeViolations(page, resultPath);
	await page.getByText(/Le classement complet/).click();
	await page.locator('summary', { hasText: 'Valeurs de votre profil' }).click();
	await expect(page.getByRole('button', { name: /Affiner/ })).toBeVisible();
	await expectNoAxeViolations(page, `${resultPath} (details open)`);
});

test('the results among careers open after two years of study or less pass axe', async ({ page }) => {
	const resultPath = await finishQuiz(page, handsOnAnswers);
	await page.goto(`${resultPath}?etudes=courtes`);
	await expectNoAxeViolations(page, `${resultPath}?etudes=courtes`);
});

test('the quiz with an error message passes axe', async ({ page }) => {
	await page.goto('/quiz');
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectNoAxeViolations(page, '/quiz (statements left blank)');
	await page.getByRole('button', { name: /Je préfère répondre à toutes les phrases/ }).click();
	await expectNoAxeViolations(page, '/quiz (the whole bank)');
});

for (const path of ['/', '/quiz', '/metiers', '/metiers/data-analyst']) {
	test(`axe in English: ${path}`, async ({ page, context, baseURL }) => {
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expectNoAxeViolations(page, `${path} (en)`);
	});
}
