import { expect, test } from '@playwright/test';
import { answerCurrentPage, finishQuiz, handsOnAnswers, takeWholeQuiz } from './helpers';

for (const javaScriptEnabled of [true, false]) {
	test.describe(`the orientation path with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('the adaptive quiz, page by page, leads to the results and says what they rest on', async ({
			page
		}) => {
			await page.goto('/');
			await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
			await page.getByRole('link', { name: 'Commencer le quiz' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Le quiz' })).toBeVisible();
			await expect(page.locator('.page-count')).toContainText('Phrases 1 à 4 · 20 au plus');

			await takeWholeQuiz(page, handsOnAnswers);
			await expect(page.getByRole('heading', { level: 1, name: 'Vos résultats' })).toBeVisible();
			await expect(page.locator('ol.top > li')).toHaveCount(5);
			await expect(page.locator('.basis')).toContainText(
				/Établi sur (8|12|16|20) phrases choisies selon les réponses/
			);
		});

		test('a page with a statement left blank is not passed, and keeps what was answered', async ({
			page
		}) => {
			await page.goto('/quiz');
			await page.locator('fieldset.question').first().getByLabel('Plutôt oui', { exact: true }).check();
			await page.getByRole('button', { name: 'Suivant' }).click();
			await expect(page.getByRole('alert')).toContainText('Répondez à chaque phrase de la page');
			await expect(page.locator('.page-count')).toContainText('Phrases 1 à 4');
			await expect(page.locator('fieldset.question input:checked')).toHaveCount(1);
		});

		test('« affiner » asks more statements and adds a result; the first one stays', async ({ page }) => {
			const first = await finishQuiz(page, handsOnAnswers);
			const asked = Number((await page.locator('.basis').innerText()).match(/sur (\d+) phrases/)![1]);
			await page.getByRole('button', { name: /Affiner avec 8 phrases de plus/ }).click();
			await expect(page).toHaveURL(/\/quiz/);
			await expect(page.locator('.page-count')).toContainText(`Phrases ${asked + 1} à ${asked + 4}`);
			await takeWholeQuiz(page, () => 4);
			expect(new URL(page.url()).pathname).not.toBe(first);
			await expect(page.locator('.basis')).toContainText(`Établi sur ${asked + 8} phrases`);
			expect((await page.goto(first))?.status()).toBe(200);
		});

		test('« répondre à toutes les phrases » goes on with the whole bank, answers kept', async ({ page }) => {
			await page.goto('/quiz');
			await answerCurrentPage(page, () => 4);
			await page.getByRole('button', { name: 'Suivant' }).click();
			await expect(page.locator('.page-count')).toContainText('Phrases 5 à 8');
			await page.getByRole('button', { name: /Je préfère répondre à toutes les phrases/ }).click();
			await expect(page.locator('.page-count strong')).toHaveText(/Page 1 sur \d+/);
			await expect(page.locator('.page-count')).toContainText('Réponses : 4 sur');
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
			await expect(page.locator('.page-count strong')).toHaveText(/Phrases 5 à 8/);
			await answerCurrentPage(page, () => 2);
			await page.getByRole('button', { name: 'Suivant' }).click();
			await expect(page.locator('.page-count strong')).toHaveText(/Phrases 9 à 12/);
			const third = await page.locator('fieldset.question legend').allInnerTexts();

			await page.reload();
			await expect(page.locator('fieldset.question legend')).toHaveText(third);

			// A new tab, later: the quiz resumes where it was, and the pages before keep their answers.
			const later = await context.newPage();
			await later.goto('/quiz');
			await expect(later.locator('.page-count strong')).toHaveText(/Phrases 9 à 12/);
			await later.goto('/quiz?page=2');
			await expect(later.locator('fieldset.question input[value="2"]:checked')).toHaveCount(4);
			await later.getByRole('button', { name: 'Précédent' }).click();
			await expect(later.locator('.page-count strong')).toHaveText(/Phrases 1 à 4/);
			await expect(later.locator('fieldset.question input[value="4"]:checked')).toHaveCount(4);
			await later.goto('/');
			await expect(later.getByRole('link', { name: 'Reprendre le quiz (8 réponses)' })).toBeVisible();
		});

		test('finishing with too few answers explains what is missing and keeps what was given', async ({
			page
		}) => {
			await page.goto('/quiz');
			await page.getByRole('button', { name: /Je préfère répondre à toutes les phrases/ }).click();
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
			await expect(page.locator('.page-count')).toContainText('Phrases 5 à 8');
			await page.getByRole('button', { name: 'Recommencer à zéro' }).click();
			await expect(page.locator('.page-count')).toContainText('Phrases 1 à 4');
			await expect(page.locator('fieldset.question input:checked')).toHaveCount(0);
		});
	});
}

test('the quiz is usable with the keyboard alone', async ({ page }) => {
	await page.goto('/quiz');
	await page.locator('fieldset.question').first().locator('input[type="radio"]').first().focus();
	for (let question = 0; question < 4; question += 1) {
		// Arrows choose within a statement; Tab goes on to the next one.
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		if (question < 3) await page.keyboard.press('Tab');
	}
	await expect(page.locator('fieldset.question input[value="3"]:checked')).toHaveCount(4);
	await page.keyboard.press('Enter');
	await expect(page.locator('.page-count strong')).toHaveText(/Phrases 5 à 8/);
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
	// Named by what it shows (WCAG 2.5.3, label in name): « English » on a French page, and the reverse.
	await page.getByRole('button', { name: 'English', exact: true }).click();
	await expect(page).toHaveURL(/\/metiers$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digital careers');
	await page.getByRole('button', { name: 'Français', exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les métiers du numérique');
});
