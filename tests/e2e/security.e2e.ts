import { expect, test } from '@playwright/test';
import {
	answerCurrentPage,
	finishQuiz,
	handsOnAnswers,
	logIn,
	signUp,
	submitAndWait,
	uniqueId
} from './helpers';

test('redirectTo never leads off the site, whatever its spelling', async ({ page, baseURL }) => {
	await signUp(page, uniqueId('redirige'));
	for (const target of ['/\t/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example']) {
		const response = await page.request.get(`/compte/connexion?redirectTo=${encodeURIComponent(target)}`, {
			maxRedirects: 0
		});
		expect(response.status(), target).toBe(303);
		const location = response.headers().location!;
		expect(new URL(location, baseURL).origin, target).toBe(new URL(baseURL!).origin);
	}
	const kept = await page.request.get('/compte/connexion?redirectTo=%2Fmetiers%3Fq%3Ddata', {
		maxRedirects: 0
	});
	expect(kept.headers().location).toBe('/metiers?q=data');
});

test('pages made for one visitor are never cached: with a quiz in progress or a result', async ({
	page,
	playwright,
	baseURL
}) => {
	// A visitor with nothing: the public pages may be cached.
	const stranger = await playwright.request.newContext({ baseURL });
	expect((await stranger.get('/metiers/data-analyst')).headers()['cache-control'] ?? '').not.toContain(
		'no-store'
	);
	await stranger.dispose();

	await finishQuiz(page, handsOnAnswers);
	for (const path of ['/', '/quiz', '/metiers/data-analyst', '/metiers'])
		expect((await page.request.get(path)).headers()['cache-control'], path).toBe('private, no-store');
});

test('my sessions: each device listed, one ended from another, then everywhere', async ({
	page,
	browser
}) => {
	const identifier = uniqueId('sessions');
	await signUp(page, identifier);
	const phone = await browser.newContext({
		userAgent:
			'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36'
	});
	const phonePage = await phone.newPage();
	await logIn(phonePage, identifier);

	await page.goto('/compte');
	const sessions = page.locator('.sessions > li');
	await expect(sessions).toHaveCount(2);
	await expect(sessions.filter({ hasText: 'cet appareil' })).toHaveCount(1);
	await expect(sessions.filter({ hasText: 'Chrome · Android' })).toHaveCount(1);
	await page.getByRole('button', { name: 'Déconnecter Chrome · Android' }).click();
	await expect(page.getByText('Cette session est terminée.')).toBeVisible();
	await expect(sessions).toHaveCount(1);
	await phonePage.goto('/compte');
	await expect(phonePage).toHaveURL(/\/compte\/connexion/);

	await page.getByRole('button', { name: 'Fermer toutes mes sessions, partout' }).click();
	await expect(page).toHaveURL(/\/$/);
	await page.goto('/compte');
	await expect(page).toHaveURL(/\/compte\/connexion/);
	await phone.close();
});

test('on a shared computer, declining and logging out each give the browser a new anonymous owner', async ({
	page
}) => {
	const owner = async () =>
		(await page.context().cookies()).find((cookie) => cookie.name === 'boussole_owner')?.value;
	await page.goto('/quiz');
	await answerCurrentPage(page, () => 4);
	await page.getByRole('button', { name: 'Suivant' }).click();
	await expect(page.locator('.page-count strong')).toHaveText(/Phrases 5 à 8/);
	const first = await owner();
	expect(first).toBeTruthy();

	// The previous pupil's quiz in progress: not mine.
	await signUp(page, uniqueId('partage'));
	await expect(page).toHaveURL(/\/compte\/rattacher/);
	await expect(page.getByText('Un quiz commencé sans compte est aussi en cours')).toBeVisible();
	await submitAndWait(page, 'Non, ce ne sont pas les miens');
	const second = await owner();
	expect(second).not.toBe(first);
	await page.goto('/quiz');
	await expect(page.locator('fieldset.question input:checked')).toHaveCount(0);

	await page.goto('/compte');
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page).toHaveURL(/\/$/);
	expect(await owner()).not.toBe(second);
	await page.goto('/quiz');
	await expect(page.locator('fieldset.question input:checked')).toHaveCount(0);
});
