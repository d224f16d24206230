import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { handsOnAnswers, finishQuiz } from './helpers';

/** Opens a page whose scripts wait until released: a slow phone on a school network, not yet hydrated. */
async function openWithScriptsHeld(page: Page, path: string): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(path, { waitUntil: 'commit' });
	return release;
}

/**
 * Waits until the page is hydrated: SvelteKit then writes its history index into `history.state`, a
 * same-document navigation that a test counting navigations must not see.
 */
async function untilHydrated(page: Page): Promise<void> {
	await page.waitForFunction(() => history.state !== null && 'sveltekit:history' in history.state);
}

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
		const releaseScripts = await openWithScriptsHeld(page, '/metiers');
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

	test('filters by the studies needed to start, each card saying its level', async ({ page }) => {
		const careers: { entryLevel: string }[] = await (await page.request.get('/api/v1/careers')).json();
		const open = careers.filter((c) => ['cap', 'bac', 'bac+2'].includes(c.entryLevel)).length;
		expect(open).toBeGreaterThanOrEqual(20);
		await page.goto('/metiers');
		await page.getByLabel('Études pour débuter').selectOption({ label: 'Jusqu’à bac + 2' });
		await expect(page).toHaveURL(/\/metiers\?etudes=bac2$/);
		const cards = page.locator('article.career');
		await expect(cards).toHaveCount(open);
		for (const chips of await cards.locator('.chips').allInnerTexts())
			expect(chips).toMatch(/Accessible (dès un CAP|dès le bac|à bac \+ 2)/);
		await page.reload();
		await expect(page.getByLabel('Études pour débuter')).toHaveValue('bac2');
		await expect(cards).toHaveCount(open);
	});

	test('a filter chosen while the page is still loading applies once it has loaded', async ({ page }) => {
		const releaseScripts = await openWithScriptsHeld(page, '/metiers');
		await page.getByLabel('Études pour débuter').selectOption('bac2');
		await expect(page).toHaveURL(/\/metiers$/);
		releaseScripts();
		await expect(page).toHaveURL(/\/metiers\?etudes=bac2$/);
		await expect(page.locator('article.career .chips').first()).toContainText(/Accessible (dès|à bac \+ 2)/);
	});

	test('a directory reached by a link does not reload itself', async ({ page }) => {
		await page.goto('/metiers?etudes=bac2');
		await untilHydrated(page);
		const navigations: string[] = [];
		page.on('framenavigated', (frame) => navigations.push(frame.url()));
		await page.getByRole('link', { name: 'Formations', exact: true }).first().click();
		await expect(page).toHaveURL(/\/formations$/);
		await page.goBack();
		await expect(page).toHaveURL(/\/metiers\?etudes=bac2$/);
		await expect(page.getByLabel('Études pour débuter')).toHaveValue('bac2');
		expect(navigations.filter((url) => url.includes('/metiers'))).toHaveLength(1);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('filters by the studies needed to start through the form', async ({ page }) => {
			await page.goto('/metiers');
			await page.getByLabel('Études pour débuter').selectOption('cap');
			await page.getByRole('button', { name: 'Appliquer' }).click();
			await expect(page).toHaveURL(/etudes=cap/);
			const chips = await page.locator('article.career .chips').allInnerTexts();
			expect(chips.length).toBeGreaterThan(0);
			for (const chip of chips) expect(chip).toContain('Accessible dès un CAP');
		});

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
			'Avec qui travailler',
			'Où travailler',
			'Comment y aller',
			'Un témoignage',
			'Métiers proches'
		]) {
			await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
		}
		await expect(page.getByRole('navigation', { name: 'Sur cette page' }).getByRole('link')).toHaveCount(9);
		await expect(page.locator('#salaire svg[role="img"]')).toHaveAttribute('aria-label', /Pour débuter .*€/);
		await expect(page.getByText('Portrait illustratif')).toBeVisible();
		await expect(page.locator('.entry')).toHaveText(/^Accessible (dès un CAP|dès le bac|à bac \+ [235])$/);

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

test.describe('public pages rendered once for visitors with nothing of their own', () => {
	test('a visitor with a result always gets their own page; others get the shared one, never theirs', async ({
		page,
		browser
	}) => {
		const path = '/metiers/technicien-support-informatique';
		const anonymous = await browser.newContext({ locale: 'fr-FR' });
		const first = await anonymous.request.get(path);
		const again = await anonymous.request.get(path);
		const third = await anonymous.request.get(path);
		expect(again.headers()['x-render-cache']).toBe('hit');
		// Kept pages come compressed (the browser takes brotli), one ETag per encoding.
		expect(again.headers()['content-encoding']).toBe('br');
		expect(third.headers()['etag']).toBe(again.headers()['etag']);
		expect(again.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
		const revalidated = await anonymous.request.get(path, {
			headers: { 'if-none-match': again.headers()['etag']! }
		});
		expect(revalidated.status()).toBe(304);

		await finishQuiz(page, handsOnAnswers);
		for (let visit = 0; visit < 2; visit += 1) {
			const mine = await page.request.get(path);
			expect(mine.headers()['x-render-cache']).toBeUndefined();
			expect(mine.headers()['cache-control']).toBe('private, no-store');
			expect(await mine.text()).toContain('Votre correspondance avec ce métier');
		}
		const theirs = await anonymous.request.get(path);
		expect(await theirs.text()).not.toContain('Votre correspondance avec ce métier');
		expect(await theirs.text()).toBe(await first.text());
		await anonymous.close();
	});
});

test.describe('a results page kept for its owner', () => {
	test('is drawn once for its owner and served again only to them', async ({ page, browser }) => {
		await finishQuiz(page, handsOnAnswers);
		const path = new URL(page.url()).pathname;
		const first = await page.request.get(path);
		const again = await page.request.get(path);
		expect(again.headers()['x-render-cache']).toBe('hit');
		expect(again.headers()['cache-control']).toBe('private, no-store');
		expect(again.headers()['content-security-policy']).toBe(first.headers()['content-security-policy']);
		expect(await again.text()).toBe(await first.text());

		// Another visitor with a result of their own, and a visitor with nothing: the address names nothing.
		const neighbour = await browser.newContext();
		const neighbourPage = await neighbour.newPage();
		await finishQuiz(neighbourPage, () => 2);
		expect((await neighbourPage.request.get(path)).status()).toBe(404);
		const stranger = await browser.newContext();
		expect((await stranger.request.get(path)).status()).toBe(404);
		await neighbour.close();
		await stranger.close();
		// Their own page still comes from what was kept.
		expect((await page.request.get(path)).headers()['x-render-cache']).toBe('hit');
	});
});

test.describe('a training page', () => {
	test('says its registration with France compétences, and what the CPF leaves to pay', async ({
		page,
		request
	}) => {
		const trainings: {
			slug: string;
			financing: string[];
			registration: { rncp: string | null; rs: string | null };
		}[] = await (await request.get('/api/v1/trainings')).json();
		const withCpf = trainings.find(
			(t) => t.financing.includes('cpf') && t.registration.rncp?.startsWith('RNCP')
		)!;
		await page.goto(`/formations/${withCpf.slug}`);
		const registration = page.locator('dt:has-text("Enregistrement") + dd');
		await expect(
			registration.getByRole('link', { name: new RegExp(withCpf.registration.rncp!) })
		).toHaveAttribute(
			'href',
			`https://www.francecompetences.fr/recherche/rncp/${withCpf.registration.rncp!.slice(4)}/`
		);
		await expect(page.getByText(/participation forfaitaire reste à votre charge/)).toBeVisible();

		const unregistered = trainings.find((t) => !t.registration.rncp && !t.registration.rs)!;
		await page.goto(`/formations/${unregistered.slug}`);
		await expect(registration).toContainText('n’ouvre pas droit au CPF');
		await expect(page.getByText(/participation forfaitaire/)).toHaveCount(0);
	});
});

test.describe('the results, careers open after two years of study or less', () => {
	test('a second view re-ranks the profile among them, and the first comes back', async ({ page }) => {
		await finishQuiz(page, handsOnAnswers);
		const views = page.getByRole('navigation', { name: 'Quels métiers montrer' });
		await expect(views.getByRole('link', { name: 'Tous les métiers' })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await views.getByRole('link', { name: 'Accessibles en 2 ans d’études ou moins' }).click();
		await expect(page).toHaveURL(/\?etudes=courtes$/);
		const levels = await page.locator('.top .rank').allInnerTexts();
		expect(levels.length).toBeGreaterThan(0);
		for (const level of levels) expect(level).toMatch(/Accessible (dès un CAP|dès le bac|à bac \+ 2)/);
		await expect(page.locator('.top .rank').first()).toContainText('1');
		await views.getByRole('link', { name: 'Tous les métiers' }).click();
		await expect(page).not.toHaveURL(/etudes/);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('the view is a plain link', async ({ page }) => {
			await finishQuiz(page, handsOnAnswers);
			await page.getByRole('link', { name: 'Accessibles en 2 ans d’études ou moins' }).click();
			await expect(page).toHaveURL(/\?etudes=courtes$/);
			for (const level of await page.locator('.top .rank').allInnerTexts())
				expect(level).toMatch(/Accessible (dès un CAP|dès le bac|à bac \+ 2)/);
		});
	});
});

test('pages with nothing to run in the browser send no JavaScript', async ({ request }) => {
	const training: { slug: string }[] = await (await request.get('/api/v1/trainings')).json();
	for (const path of [
		'/metiers/developpeur-back-end',
		`/formations/${training[0]!.slug}`,
		'/methodologie',
		'/confidentialite'
	]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['link'] ?? '', path).not.toContain('modulepreload');
		// Structured data for search engines is the only script left.
		const scripts = (await response.text()).match(/<script(?![^>]*application\/ld\+json)[^>]*>/g) ?? [];
		expect(scripts, path).toEqual([]);
	}
	// The pages that do run something keep it.
	expect((await request.get('/metiers')).headers()['link']).toContain('modulepreload');
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
