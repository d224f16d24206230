import { expect, test } from '@playwright/test';
import { answerCurrentPage, finishQuiz, handsOnAnswers, takeWholeQuiz } from './helpers';

for (const javaScriptEnabled of [true, false]) {
	test.describe(`the orientation path with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('the whole quiz, page by page, leads to the results', async ({ page }) => {
			await page.goto('/');
			await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
			await page.getByRole('link', { name: 'Commencer le quiz' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Le quiz' })).toBeVisible();
			await expect(page.locator('.page-count')).toContainText('Page 1 sur');

			await takeWholeQuiz(page, handsOnAnswers);
			await expect(page.getByRole('heading', { level: 1, name: 'Vos résultats' })).toBeVisible();
			await expect(page.locator('ol.top > li')).toHaveCount(5);
		});

		test('the results explain each match, draw the profile, and lead to the career page', async ({
			page
		}) => {
			await finishQuiz(page, handsOnAnswers);
			await expect(page.getByRole('heading', { level: 1, name: 'Vos résultats' })).toBeVisible();
			const cards = page.locator('ol.top > li');
			await expect(cards).toHaveCount(5);
			const first = cards.first();
			await expect(first.locator('.figure')).toHaveText(/^\d{1,3}\s?%$/);
			await expect(first.locator('.badge')).toHaveText(/Très proche|Proche|À explorer/);
			await expect(first.getByRole('heading', { name: 'Pourquoi' })).toBeVisible();
			await expect(first.getByRole('heading', { name: 'À développer' })).toBeVisible();

			// Charts are server-rendered SVG with a text alternative, so they exist without JavaScript too.
			await expect(page.locator('svg.radar[role="img"] title')).toHaveText("Vos centres d'intérêt");
			await expect(page.locator('svg.radar polygon[fill="var(--primary)"]')).toHaveCount(1);
			await expect(page.locator('ul.bars > li')).toHaveCount(20);
			await expect(page.getByRole('heading', { name: 'Ce que vaut ce profil' })).toBeVisible();

			// The full ranking is there on demand, every career once.
			const careers: unknown[] = await (await page.request.get('/api/v1/careers')).json();
			await page.getByText(/Le classement complet \(\d+ métiers\)/).click();
			await expect(page.locator('.full tbody tr')).toHaveCount(careers.length);

			const title = await first.locator('h3 a').innerText();
			await first.locator('h3 a').click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
			await expect(page.getByRole('heading', { name: /Votre correspondance avec ce métier/ })).toBeVisible();
		});

		test('answers survive a reload and a later visit', async ({ page, context }) => {
			await page.goto('/quiz');
			await answerCurrentPage(page, () => 4);
			await page.getByRole('button', { name: 'Suivant' }).click();
			await expect(page.locator('.page-count strong')).toHaveText(/Page 2 sur/);
			await answerCurrentPage(page, () => 2);
			await page.getByRole('button', { name: 'Suivant' }).click();
			await expect(page.locator('.page-count strong')).toHaveText(/Page 3 sur/);

			await page.reload();
			await expect(page.locator('.page-count')).toContainText('Réponses : 8 sur');

			// A new tab, later: the quiz resumes at the first unanswered page.
			const later = await context.newPage();
			await later.goto('/quiz');
			await expect(later.locator('.page-count strong')).toHaveText(/Page 3 sur/);
			await later.goto('/quiz?page=2');
			await expect(later.locator('fieldset.question input[value="2"]:checked')).toHaveCount(4);
			await later.getByRole('button', { name: 'Précédent' }).click();
			await expect(later.locator('.page-count strong')).toHaveText(/Page 1 sur/);
			await expect(later.locator('fieldset.question input[value="4"]:checked')).toHaveCount(4);
			await later.goto('/');
			await expect(later.getByRole('link', { name: /Reprendre le quiz \(8 sur \d+\)/ })).toBeVisible();
		});

		test('finishing with too few answers explains what is missing and keeps what was given', async ({
			page
		}) => {
			await page.goto('/quiz');
			await answerCurrentPage(page, () => 5);
			const lastPage = await page.locator('.page-count strong').innerText();
			const pages = Number(lastPage.match(/sur (\d+)/)![1]);
			await page.getByRole('button', { name: 'Suivant' }).click();
			await expect(page.locator('.page-count')).toContainText('Réponses : 4 sur');
			await page.goto(`/quiz?page=${pages}`);
			await page.getByRole('button', { name: 'Voir mes résultats' }).click();
			await expect(page.getByRole('alert')).toContainText('répondez à au moins');
			await expect(page.getByRole('alert')).toContainText('vous en êtes à 4');
			await page.getByRole('link', { name: 'Aller à la première phrase sans réponse' }).click();
			await expect(page.locator('.page-count strong')).toHaveText(/Page 2 sur/);
		});

		test('« recommencer à zéro » clears the answers in progress', async ({ page }) => {
			await page.goto('/quiz');
			await answerCurrentPage(page, () => 3);
			await page.getByRole('button', { name: 'Suivant' }).click();
			await expect(page.locator('.page-count')).toContainText('Réponses : 4 sur');
			await page.getByRole('button', { name: 'Recommencer à zéro' }).click();
			await expect(page.locator('.page-count')).toContainText('Page 1 sur');
			await expect(page.locator('.page-count')).toContainText('Réponses : 0 sur');
		});
	});
}

test('the quiz is usable with the keyboard alone', async ({ page }) => {
	await page.goto('/quiz');
	const firstRadio = page.locator('fieldset.question').first().locator('input[type="radio"]').first();
	await firstRadio.focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(page.locator('fieldset.question').first().locator('input[value="3"]')).toBeChecked();
	await page.keyboard.press('Enter');
	await expect(page.locator('.page-count strong')).toHaveText(/Page 2 sur/);
	await expect(page.locator('.page-count')).toContainText('Réponses : 1 sur');
});

test('a result is visible to its owner only', async ({ page, browser }) => {
	await finishQuiz(page, handsOnAnswers);
	const url = page.url();
	const stranger = await browser.newContext();
	const response = await (await stranger.newPage()).goto(url);
	expect(response?.status()).toBe(404);
	await stranger.close();
	expect((await page.goto(url))?.status()).toBe(200);
});

test('the interface switches to English and back', async ({ page }) => {
	await page.goto('/metiers');
	await page.getByRole('button', { name: 'Changer de langue' }).click();
	await expect(page).toHaveURL(/\/metiers$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digital careers');
	await page.getByRole('button', { name: 'Change language' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les métiers du numérique');
});
