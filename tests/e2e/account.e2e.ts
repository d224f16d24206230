import { expect, test } from '@playwright/test';
import {
	PASSWORD,
	queryOne,
	expectNoAxeViolations,
	finishQuiz,
	handsOnAnswers,
	logIn,
	signUp,
	submitAndWait,
	uniqueId
} from './helpers';

for (const javaScriptEnabled of [true, false]) {
	test.describe(`accounts with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('sign-up asks whether the browser’s result is theirs; log-out and log-in find it again', async ({
			page
		}) => {
			await finishQuiz(page, handsOnAnswers);
			const resultPath = new URL(page.url()).pathname;
			await expect(page.getByText('Créez un compte pour garder ce résultat')).toBeVisible();

			const identifier = uniqueId('eleve');
			await signUp(page, identifier);
			// Never taken silently: on a shared computer it may be the previous pupil's.
			await expect(page).toHaveURL(/\/compte\/rattacher/);
			await expect(
				page.getByRole('heading', { level: 1, name: 'Ces résultats sont-ils les vôtres ?' })
			).toBeVisible();
			await submitAndWait(page, 'Oui, ce sont les miens : les ajouter');
			await expect(page).toHaveURL(/\/compte$/);
			const results = page.locator('ol.results > li');
			await expect(results).toHaveCount(1);
			await expect(results.first()).toContainText('En tête :');
			await expect(results.first().getByRole('link')).toHaveAttribute('href', resultPath);

			await page.getByRole('button', { name: 'Se déconnecter' }).click();
			await expect(page).toHaveURL(/\/$/);
			// Claimed by the account: the browser's cookie alone no longer opens it.
			expect((await page.goto(resultPath))?.status()).toBe(404);

			await logIn(page, identifier);
			await expect(page).toHaveURL(/\/compte$/);
			expect((await page.goto(resultPath))?.status()).toBe(200);
		});

		test('a result that is not theirs stays out of the account, and out of reach of the browser', async ({
			page
		}) => {
			const resultPath = await finishQuiz(page, handsOnAnswers);
			await signUp(page, uniqueId('autre'));
			await expect(page).toHaveURL(/\/compte\/rattacher/);
			await submitAndWait(page, 'Non, ce ne sont pas les miens');
			await expect(page).toHaveURL(/\/compte$/);
			await expect(page.locator('ol.results > li')).toHaveCount(0);
			expect((await page.goto(resultPath))?.status()).toBe(404);
			await page.goto('/compte');
			await page.getByRole('button', { name: 'Se déconnecter' }).click();
			await expect(page).toHaveURL(/\/$/);
			expect((await page.goto(resultPath))?.status()).toBe(404);
		});

		test('bad input gets a clear message and keeps the safe fields', async ({ page }) => {
			await signUp(page, 'a', '3000');
			await expect(page.getByRole('alert')).toHaveText('Certaines informations sont à corriger.');
			await expect(page.getByText('ni une adresse e-mail valide, ni un pseudonyme')).toBeVisible();
			await expect(page.getByText('Indiquez votre année de naissance')).toBeVisible();
			await expect(page.getByLabel('Adresse e-mail ou pseudonyme')).toHaveValue('a');
			await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveValue('');

			await page.getByLabel('Adresse e-mail ou pseudonyme').fill(uniqueId('x'));
			await page.getByLabel('Mot de passe', { exact: true }).fill('azerty123');
			await page.getByLabel('Année de naissance').fill('1990');
			await page.getByRole('button', { name: 'Créer mon compte' }).click();
			await expect(page.getByText('Ce mot de passe fait partie des plus courants')).toBeVisible();
		});
	});
}

test('under 15, sign-up needs a parent’s declared consent, recorded with the date', async ({ page }) => {
	const identifier = uniqueId('college');
	const birthYear = String(new Date().getFullYear() - 13);
	await signUp(page, identifier, birthYear);
	await expect(page.getByText('Indiquez le nom du parent qui donne son accord.')).toBeVisible();
	await expect(page.getByText("Sous 15 ans, l'accord d'un parent est nécessaire")).toBeVisible();
	await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Nom et prénom du parent').fill('Sylvie Martin');
	await page.getByLabel('Mon parent a lu la page').check();
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page).toHaveURL(/\/compte$/);
	const row = await queryOne<{ parental_consent_name: string; parental_consent_at: number | Date }>(
		'select parental_consent_name, parental_consent_at from users where identifier = ?',
		identifier
	);
	expect(row.parental_consent_name).toBe('Sylvie Martin');
	expect(Date.now() - new Date(row.parental_consent_at).getTime()).toBeLessThan(60_000);
});

test('session cookie: httpOnly, SameSite=Lax, a new one on every log-in, dead after log-out', async ({
	page,
	browser
}) => {
	const identifier = uniqueId('cookie');
	await signUp(page, identifier);
	const first = (await page.context().cookies()).find((c) => c.name === 'boussole_session')!;
	expect(first.httpOnly).toBe(true);
	expect(first.sameSite).toBe('Lax');
	expect(first.value).toMatch(/^[a-z2-7]{32}$/);
	expect(first.expires * 1000 - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);

	const other = await browser.newContext();
	const second = await other.newPage();
	await logIn(second, identifier);
	const secondCookie = (await other.cookies()).find((c) => c.name === 'boussole_session')!;
	expect(secondCookie.value).not.toBe(first.value);

	const response = await page.goto('/compte');
	expect(response?.headers()['cache-control']).toBe('private, no-store');
	await page.getByRole('button', { name: 'Se déconnecter' }).click();

	// The old token, replayed, is refused: log-out deleted the session on the server.
	const replay = await browser.newContext();
	await replay.addCookies([{ ...first, expires: -1 }]);
	const replayPage = await replay.newPage();
	await replayPage.goto('/compte');
	await expect(replayPage).toHaveURL(/\/compte\/connexion/);
	await Promise.all([other.close(), replay.close()]);
});

test('log-in failures say nothing about the account, then are throttled with a 429', async ({
	page,
	request
}) => {
	const identifier = uniqueId('victime');
	await signUp(page, identifier);
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await logIn(page, identifier, 'pas le bon mot de passe');
	await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
	await logIn(page, uniqueId('inconnu'), 'pas le bon mot de passe');
	await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');

	let last = 0;
	for (let i = 0; i < 6; i += 1) {
		const response = await request.post('/compte/connexion', {
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
			form: { identifier, password: 'toujours pas le bon' }
		});
		last = response.status();
	}
	expect(last).toBe(429);
	await logIn(page, identifier);
	await expect(page.getByRole('alert')).toContainText('Trop de tentatives');
});

test('another user’s result is a 404', async ({ page, browser }) => {
	await signUp(page, uniqueId('proprio'));
	await finishQuiz(page, handsOnAnswers);
	const resultUrl = page.url();

	const intruder = await browser.newContext();
	const intruderPage = await intruder.newPage();
	await signUp(intruderPage, uniqueId('curieux'));
	expect((await intruderPage.goto(resultUrl))?.status()).toBe(404);
	await intruder.close();
});

for (const javaScriptEnabled of [true, false]) {
	test.describe(`« pas pour moi » with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('re-ranks without the career, can be undone, and is kept', async ({ page }) => {
			await signUp(page, uniqueId('choix'));
			await finishQuiz(page, handsOnAnswers);
			const first = page.locator('ol.top > li').first();
			const title = await first.locator('h3').innerText();
			await first.getByRole('button', { name: `Retirer ${title} de mon classement` }).click();
			await expect(page.locator('ol.top > li').first().locator('h3')).not.toHaveText(title);
			await expect(page.getByRole('heading', { name: 'Métiers retirés' })).toBeVisible();

			await page.reload();
			await expect(page.locator('ol.top h3', { hasText: title })).toHaveCount(0);
			await expect(page.locator('.full tbody tr', { hasText: title })).toHaveCount(0);
			await page.getByRole('button', { name: `Remettre ${title}` }).click();
			await expect(page.locator('ol.top > li').first().locator('h3')).toHaveText(title);
			// The page drawn before the career was set aside is right again (and may be served as kept).
			await page.reload();
			await expect(page.locator('ol.top > li').first().locator('h3')).toHaveText(title);
			await expect(page.getByRole('heading', { name: 'Métiers retirés' })).toHaveCount(0);
		});
	});
}

test('export gives my data and nobody else’s; deleting the account leaves no row', async ({
	page,
	browser
}) => {
	const identifier = uniqueId('exporte');
	await signUp(page, identifier);
	await finishQuiz(page, handsOnAnswers);

	const neighbour = await browser.newContext();
	const neighbourPage = await neighbour.newPage();
	const neighbourId = uniqueId('voisin');
	await signUp(neighbourPage, neighbourId);
	await neighbour.close();

	const response = await page.request.get('/compte/export');
	expect(response.headers()['content-disposition']).toContain('attachment');
	const data = await response.json();
	expect(data.account.identifier).toBe(identifier);
	expect(data.results).toHaveLength(1);
	// The adaptive quiz asks 8 to 20 statements.
	expect(data.answers.length).toBeGreaterThanOrEqual(8);
	expect(data.answers.length).toBeLessThanOrEqual(20);
	const text = JSON.stringify(data);
	expect(text).not.toContain(neighbourId);
	expect(text).not.toContain('argon2');

	const { id: userId } = await queryOne<{ id: string }>(
		'select id from users where identifier = ?',
		identifier
	);

	await page.goto('/compte/supprimer');
	await page.getByLabel('Confirmez avec votre mot de passe').fill('pas le bon');
	await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
	await expect(page.getByText('Le mot de passe actuel est incorrect.')).toBeVisible();
	await page.getByLabel('Confirmez avec votre mot de passe').fill(PASSWORD);
	await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
	await expect(page).toHaveURL(/\/\?compte=supprime$/);

	for (const [table, column] of [
		['users', 'id'],
		['sessions', 'user_id'],
		['quiz_attempts', 'user_id'],
		['dismissals', 'user_id']
	]) {
		const row = await queryOne<{ n: number }>(
			`select cast(count(*) as integer) as n from ${table} where ${column} = ?`,
			userId
		);
		expect(row.n, table).toBe(0);
	}
	const orphans = await queryOne<{ n: number }>(
		'select cast(count(*) as integer) as n from results where attempt_id not in (select id from quiz_attempts)'
	);
	expect(orphans.n).toBe(0);
});

test('changing the password needs the current one and closes the other sessions', async ({
	page,
	browser
}) => {
	const identifier = uniqueId('change');
	await signUp(page, identifier);
	const elsewhere = await browser.newContext();
	const elsewherePage = await elsewhere.newPage();
	await logIn(elsewherePage, identifier);

	await page.goto('/compte/mot-de-passe');
	await page.getByLabel('Mot de passe actuel').fill(PASSWORD);
	await page.getByLabel('Nouveau mot de passe').fill('une autre phrase encore plus longue');
	await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(page.getByText('Mot de passe changé.')).toBeVisible();

	await elsewherePage.goto('/compte');
	await expect(elsewherePage).toHaveURL(/\/compte\/connexion/);
	await page.goto('/compte');
	await expect(page).toHaveURL(/\/compte$/);
	await elsewhere.close();
});

test('a cross-origin log-in post is refused', async ({ request }) => {
	const response = await request.post('/compte/connexion', {
		headers: { origin: 'https://evil.example' },
		form: { identifier: 'x', password: 'y' }
	});
	expect(response.status()).toBe(403);
});

test('the signed-in pages pass axe', async ({ page }) => {
	await signUp(page, uniqueId('axe'));
	for (const path of ['/compte', '/compte/mot-de-passe', '/compte/supprimer']) {
		await page.goto(path);
		await expectNoAxeViolations(page, path);
	}
});

test('two results compare side by side: both profiles drawn, careers that rose and fell', async ({
	page
}) => {
	await signUp(page, uniqueId('compare'));
	await finishQuiz(page, handsOnAnswers);
	await finishQuiz(page, (n) => 6 - handsOnAnswers(n));
	await page.goto('/compte');
	await expect(page.locator('ol.results > li')).toHaveCount(2);
	await page.getByRole('link', { name: 'Comparer deux résultats' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Comparer deux résultats' })).toBeVisible();
	await expect(page.locator('svg.radar polygon[stroke-dasharray]')).toHaveCount(1);
	await expect(page.locator('svg.radar polygon[fill="var(--primary)"]')).toHaveCount(1);
	await expect(page.getByRole('heading', { name: 'Métiers qui montent' })).toBeVisible();
	await expect(page.locator('#moves-title ~ ul li').first()).toBeVisible();
	await expectNoAxeViolations(page, '/compte/comparer');
});
