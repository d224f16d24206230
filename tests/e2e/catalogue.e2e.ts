import { expect, test } from '@playwright/test';
import { handsOnAnswers, finishQuiz } from './helpers';

test.describe('the careers directory', () => {
	test('searches as you type, without reloading, and keeps the search in the URL', async ({ page }) => {
		await page.goto('/metiers');
		const total = await page.locator('.result-count').innerText();
		await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
		await page.getByLabel('Rechercher').fill('developpeur');
		await expect(page).toHaveURL(/\/metiers\?q=developpeur$/);
		await expect(page.locator('.result-count')).not.toHaveText(total);
		const titles = await page.locator('article.career h2').allInnerTexts();
		expect(titles.length).toBeGreaterThanOrEqual(5);
		expect(titles.slice(0, 5).every((t) => t.startsWith('Développeur / Développeuse'))).toBe(true);
		expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

		await page.getByLabel('Famille').selectOption({ label: 'Conception et développement' });
		await expect(page).toHaveURL(/famille=conception-developpement/);
		await expect(page).toHaveURL(/q=developpeur/);
		await expect(page.locator('article.career .family')).not.toHaveCount(0);
		for (const family of await page.locator('article.career .family').allInnerTexts()) {
			expect(family.toLowerCase()).toBe('conception et développement');
		}
		await page.getByLabel('Rechercher').fill('zzzz');
		await expect(page.getByText('Aucun métier ne correspond à ces critères.')).toBeVisible();
		await page.getByRole('link', { name: 'Tout effacer' }).first().click();
		await expect(page).toHaveURL(/\/metiers$/);
		await expect(page.locator('.result-count')).toHaveText(total);
		await expect(page.getByLabel('Rechercher')).toHaveValue('');
	});

	test('words typed while the page is still loading are searched once it is ready', async ({ page }) => {
		let releaseScripts!: () => void;
		const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await scriptsHeld;
			await route.continue();
		});
		await page.goto('/metiers', { waitUntil: 'domcontentloaded' });
		await page.getByLabel('Rechercher').fill('cyber');
		releaseScripts();
		await expect(page).toHaveURL(/\/metiers\?q=cyber$/);
		await expect(page.getByLabel('Rechercher')).toHaveValue('cyber');
		await expect(page.locator('article.career h2').first()).toContainText(/s[ée]curit|cyber/i);
	});

	test('a shared filtered URL shows the same results', async ({ page }) => {
		const careers: { family: string }[] = await (await page.request.get('/api/v1/careers')).json();
		const dataCareers = careers.filter((c) => c.family === 'data-ia').length;
		expect(dataCareers).toBeGreaterThan(1);
		await page.goto('/metiers?famille=data-ia&tri=salaire');
		await expect(page.getByLabel('Famille')).toHaveValue('data-ia');
		const cards = page.locator('article.career');
		await expect(cards).toHaveCount(dataCareers);
		await expect(cards.locator('.family').first()).toHaveText('Data et IA');
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('filters through a plain form submission', async ({ page }) => {
			await page.goto('/metiers');
			await page.getByLabel('Rechercher').fill('réseaux');
			await page.getByLabel('Télétravail').selectOption('partial');
			await page.getByRole('button', { name: 'Appliquer' }).click();
			await expect(page).toHaveURL(/q=r%C3%A9seaux/);
			await expect(page).toHaveURL(/teletravail=partial/);
			const titles = await page.locator('article.career h2').allInnerTexts();
			expect(titles.length).toBeGreaterThan(0);
			await expect(page.getByLabel('Rechercher')).toHaveValue('réseaux');
		});

		test('filters trainings by career and opens a training page', async ({ page }) => {
			await page.goto('/formations');
			await page.getByLabel('Métier visé').selectOption({ label: 'Pentester' });
			await page.getByLabel('Format').selectOption('alternance');
			await page.getByRole('button', { name: 'Appliquer' }).click();
			await expect(page).toHaveURL(/metier=pentester/);
			const first = page.locator('article.training h2 a').first();
			const name = await first.innerText();
			await first.click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
			await expect(page.getByRole('link', { name: 'Pentester', exact: true })).toBeVisible();
		});
	});
});

test.describe('a career page', () => {
	test('has every section, the salary chart, structured data and working links', async ({
		page,
		request
	}) => {
		await page.goto('/metiers/data-analyst');
		for (const heading of [
			'Le métier',
			'Un exemple concret',
			'Ses missions',
			'Les compétences',
			'Le salaire',
			'Avec qui il·elle travaille',
			'Où il·elle travaille',
			'Comment y aller',
			'Un témoignage',
			'Métiers proches'
		]) {
			await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
		}
		await expect(page.getByRole('navigation', { name: 'Sur cette page' }).getByRole('link')).toHaveCount(9);
		await expect(page.locator('#salaire svg[role="img"]')).toHaveAttribute('aria-label', /Débutant·e .*€/);
		await expect(page.getByText('Portrait illustratif')).toBeVisible();

		const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
		expect(jsonLd['@type']).toBe('Occupation');
		expect(jsonLd.name).toBe('Data analyst');
		expect(jsonLd.estimatedSalary.currency).toBe('EUR');

		const badges = await page.locator('#formations article.training .badge').allInnerTexts();
		expect(badges.length).toBeGreaterThanOrEqual(2);
		expect(badges.indexOf('Études longues')).toBeGreaterThan(badges.lastIndexOf('Parcours court'));

		const links = await page
			.locator('#metiers-proches a, #formations a[href^="/formations/"]')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
		for (const href of links) expect((await request.get(href)).status(), href).toBe(200);
	});

	test('shows a visitor with a result their match, gaps and the trainings that close them', async ({
		page
	}) => {
		await finishQuiz(page, handsOnAnswers);
		// The last career of the ranking is the one with the most to develop.
		await page.getByText(/Le classement complet/).click();
		const last = page.locator('.full tbody tr').last().locator('a');
		await last.click();
		await expect(page.getByRole('heading', { name: /Votre correspondance avec ce métier/ })).toBeVisible();
		const gaps = page.locator('.match').getByRole('heading', { name: 'À développer' });
		await expect(gaps).toBeVisible();
		const gapTrainings = page.locator('.gap-trainings a');
		if ((await gapTrainings.count()) > 0) {
			await gapTrainings.first().click();
			await expect(page).toHaveURL(/\/formations\//);
		}
	});
});

test.describe('catalogue API', () => {
	test('gives a career with every section and its trainings', async ({ request }) => {
		const career = await (await request.get('/api/v1/careers/pentester')).json();
		for (const key of [
			'description',
			'scene',
			'missions',
			'softSkills',
			'technicalSkills',
			'salary',
			'workWith',
			'workplaces',
			'paths',
			'testimonial',
			'similar',
			'trainings',
			'vector'
		]) {
			expect(career, key).toHaveProperty(key);
		}
		expect(career.trainings.length).toBeGreaterThanOrEqual(2);
	});

	test('lists and filters trainings, refusing unknown filter values', async ({ request }) => {
		const all = await (await request.get('/api/v1/trainings')).json();
		expect(all.length).toBeGreaterThanOrEqual(90);
		const bts = await (await request.get('/api/v1/trainings?type=bts')).json();
		expect(bts.length).toBeGreaterThan(0);
		expect(bts.every((t: { kind: string }) => t.kind === 'bts')).toBe(true);
		const one = await request.get(`/api/v1/trainings/${bts[0].slug}`);
		expect((await one.json()).slug).toBe(bts[0].slug);
		expect((await request.get('/api/v1/trainings/nope')).status()).toBe(404);
		const bad = await request.get('/api/v1/trainings?duree=10');
		expect(bad.status()).toBe(400);
		expect((await bad.json()).error.field).toBe('duree');
	});
});
