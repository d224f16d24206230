import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	PASSWORD,
	createAccountWithCli,
	expectNoAxeViolations,
	logIn,
	queryOne,
	submitAndWait,
	uniqueId
} from './helpers';

async function otherPerson(browser: Browser): Promise<Page> {
	return (await browser.newContext({ locale: 'fr-FR' })).newPage();
}

/** From the menu to the account's page, through the search. */
async function openAccount(page: Page, identifier: string): Promise<void> {
	await page.goto('/');
	await page.getByRole('link', { name: 'Administration' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Comptes' })).toBeVisible();
	await page.getByLabel('Rechercher').fill(identifier);
	await page.getByRole('button', { name: 'Appliquer' }).click();
	await expect(page).toHaveURL(new RegExp(`q=${identifier}`));
	await expect(page.locator('tbody tr')).toHaveCount(1);
	await page.getByRole('link', { name: identifier }).click();
	await expect(page.getByRole('heading', { level: 1, name: identifier })).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`the accounts back-office with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('an admin gives a student a reset code, then disables and enables the account; the student sees each step', async ({
			page,
			browser
		}) => {
			const admin = uniqueId('admin');
			const student = uniqueId('eleve');
			createAccountWithCli('admin', admin);
			createAccountWithCli('student', student, 2009);
			const studentPage = await otherPerson(browser);
			await logIn(page, admin);
			await openAccount(page, student);

			await page.getByRole('button', { name: 'Créer un code de réinitialisation' }).click();
			const shown = await page.getByText(/Code à donner à la personne/).innerText();
			const code = shown.match(/[A-Z2-7]{5}-[A-Z2-7]{5}/)![0];
			await studentPage.goto('/compte/mot-de-passe-oublie');
			await studentPage.getByLabel('Adresse e-mail ou pseudonyme').fill(student);
			await studentPage.getByLabel('Code de réinitialisation').fill(code);
			await studentPage.getByLabel('Nouveau mot de passe').fill('un autre secret bien long');
			await submitAndWait(studentPage, 'Enregistrer ce mot de passe');
			await logIn(studentPage, student, 'un autre secret bien long');
			await expect(studentPage).toHaveURL(/\/compte$/);

			await page.getByRole('button', { name: 'Désactiver le compte' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Compte désactivé' })).toBeVisible();
			// Its session is over, and the password no longer opens it.
			await studentPage.goto('/compte');
			await expect(studentPage).toHaveURL(/\/compte\/connexion/);
			await studentPage.getByLabel('Adresse e-mail ou pseudonyme').fill(student);
			await studentPage.getByLabel('Mot de passe', { exact: true }).fill('un autre secret bien long');
			await submitAndWait(studentPage, 'Se connecter');
			await expect(studentPage.getByText('Ce compte est désactivé.', { exact: false })).toBeVisible();
			const { sessions } = await queryOne<{ sessions: number }>(
				'select count(*) as sessions from sessions s join users u on u.id = s.user_id where u.identifier = ?',
				student
			);
			expect(Number(sessions)).toBe(0);

			await page.getByRole('button', { name: 'Réactiver le compte' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Compte réactivé' })).toBeVisible();
			await logIn(studentPage, student, 'un autre secret bien long');
			await expect(studentPage).toHaveURL(/\/compte$/);
			await studentPage.getByText(/Consultations de vos données et actions sur votre compte : [1-9]/).click();
			for (const step of [
				'a créé un code pour choisir un nouveau mot de passe',
				'a désactivé le compte',
				'a réactivé le compte'
			])
				await expect(studentPage.getByText(`${admin} · ${step}`)).toBeVisible();
			await studentPage.context().close();
		});
	});
}

test('a counsellor made administrator: session ended, open cohorts archived, the change in their own trail', async ({
	page
}) => {
	const admin = uniqueId('admin');
	const counsellor = uniqueId('conseil');
	createAccountWithCli('admin', admin);
	createAccountWithCli('counsellor', counsellor);
	const counsellorPage = await otherPerson(page.context().browser()!);
	await logIn(counsellorPage, counsellor);
	await counsellorPage.goto('/conseiller');
	await counsellorPage.getByLabel('Nom de la cohorte').fill('Terminale 2');
	await submitAndWait(counsellorPage, 'Créer la cohorte');

	await logIn(page, admin);
	await openAccount(page, counsellor);
	await expect(page.getByText('Ce compte a 1 cohorte(s) ouverte(s)')).toBeVisible();
	await page.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Administrateur / Administratrice' });
	await page.getByRole('button', { name: 'Changer le rôle' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Rôle changé' })).toBeVisible();
	await expect(page.locator('main p strong').first()).toHaveText('Administrateur / Administratrice');
	await expect(page.getByLabel('Rôle', { exact: true })).toHaveValue('admin');

	await counsellorPage.goto('/conseiller');
	await expect(counsellorPage).toHaveURL(/\/compte\/connexion/);
	const { archived } = await queryOne<{ archived: number }>(
		'select count(*) as archived from cohorts c join users u on u.id = c.counsellor_id where u.identifier = ? and c.archived_at is not null',
		counsellor
	);
	expect(Number(archived)).toBe(1);
	// Staff see their own trail too: signed in again (second factor and all), the new administrator reads it.
	await logIn(counsellorPage, counsellor);
	await counsellorPage.goto('/compte');
	await counsellorPage.getByText(/Consultations de vos données et actions sur votre compte : 1/).click();
	await expect(counsellorPage.getByText(`${admin} · a changé le rôle du compte`)).toBeVisible();
	await expect(counsellorPage.getByRole('link', { name: 'Administration' })).toBeVisible();
	await counsellorPage.context().close();
});

test('an administrator cannot change, disable or reset their own account from the back-office', async ({
	page
}) => {
	const admin = uniqueId('admin');
	createAccountWithCli('admin', admin);
	await logIn(page, admin);
	await openAccount(page, admin);
	await expect(page.getByText('Vous ne pouvez pas faire cela sur votre propre compte')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Désactiver le compte' })).toHaveCount(0);
});

/** One test per page: the list (with a search that finds nothing, too) and an account. */
test.describe('the back-office pages pass axe', () => {
	for (const [name, path] of [
		['the accounts list', (_: string) => '/admin/comptes'],
		['a search that finds nothing', (_: string) => '/admin/comptes?q=personne-de-tel&role=admin'],
		['an account', (id: string) => `/admin/comptes/${id}`]
	] as const) {
		test(name, async ({ page }) => {
			const admin = uniqueId('admin');
			const student = uniqueId('eleve');
			createAccountWithCli('admin', admin);
			createAccountWithCli('student', student, 2009);
			const { id } = await queryOne<{ id: string }>('select id from users where identifier = ?', student);
			await logIn(page, admin);
			await page.goto(path(id));
			await expectNoAxeViolations(page, path(id));
		});
	}
});

test('pages are compressed, except one that shows a secret next to what the address says, and answers to forms', async ({
	playwright
}) => {
	const baseURL = test.info().project.use.baseURL!;
	const staff = uniqueId('admin');
	createAccountWithCli('admin', staff);
	const client = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { accept: 'text/html', 'accept-encoding': 'br, gzip' }
	});
	try {
		const quiz = await client.get('/quiz');
		expect(quiz.headers()['content-encoding']).toBe('br');
		// An answer to a form, here the log-in page again with its message: sent as it is.
		const refused = await client.post('/compte/connexion', {
			form: { identifier: staff, password: 'pas le bon mot de passe' },
			headers: { origin: baseURL },
			maxRedirects: 0
		});
		expect(refused.status()).toBe(400);
		expect((await refused.body()).length).toBeGreaterThan(1024);
		expect(refused.headers()['content-encoding']).toBeUndefined();
		const logIn = await client.post('/compte/connexion', {
			form: { identifier: staff, password: PASSWORD },
			headers: { origin: baseURL },
			maxRedirects: 0
		});
		// Set up at the first log-in: the key is on the page, next to the redirectTo it came with.
		const enrolment = await client.get(logIn.headers().location!, { maxRedirects: 0 });
		expect(await enrolment.text()).toContain('data-testid="totp-key"');
		expect(enrolment.headers()['content-encoding']).toBeUndefined();
		expect(enrolment.headers()['cache-control']).toBe('private, no-store, no-transform');
	} finally {
		await client.dispose();
	}
});

test('the back-office says why it refuses: a student is told the page is not theirs, a missing account is named', async ({
	page,
	browser
}) => {
	const admin = uniqueId('admin');
	const student = uniqueId('eleve');
	createAccountWithCli('admin', admin);
	createAccountWithCli('student', student, 2009);
	await logIn(page, admin);
	const missing = await page.goto('/admin/comptes/aaaaaaaaaaaaaaaaaaaaaaaa');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
	await expect(page.getByText('Ce compte n’existe pas, ou plus.')).toBeVisible();

	const studentPage = await otherPerson(browser);
	await logIn(studentPage, student);
	const refused = await studentPage.goto('/admin/comptes');
	expect(refused?.status()).toBe(403);
	await expect(studentPage.getByRole('heading', { level: 1 })).toHaveText('Page réservée');
	await expect(
		studentPage.getByText('Cette page est réservée à l’administration de Boussole.')
	).toBeVisible();
	// An address no route knows keeps the plain French text, not SvelteKit's English reason.
	await studentPage.goto('/nulle-part');
	await expect(studentPage.getByText("Cette page n'existe pas, ou elle n'est pas accessible")).toBeVisible();
	await studentPage.context().close();
});
