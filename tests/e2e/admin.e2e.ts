import { expect, test, type Browser, type Page } from '@playwright/test';
import {
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

test('a counsellor who leaves the role has their session ended and their open cohorts archived', async ({
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
	await page.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Élève' });
	await page.getByRole('button', { name: 'Changer le rôle' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Rôle changé' })).toBeVisible();
	await expect(page.locator('main p strong').first()).toHaveText('Élève');
	await expect(page.getByLabel('Rôle', { exact: true })).toHaveValue('student');

	await counsellorPage.goto('/conseiller');
	await expect(counsellorPage).toHaveURL(/\/compte\/connexion/);
	const { archived } = await queryOne<{ archived: number }>(
		'select count(*) as archived from cohorts c join users u on u.id = c.counsellor_id where u.identifier = ? and c.archived_at is not null',
		counsellor
	);
	expect(Number(archived)).toBe(1);
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
