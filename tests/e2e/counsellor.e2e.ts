import { expect, test, type Browser, type Cookie, type Page } from '@playwright/test';
import {
	createAccountWithCli,
	queryOne,
	queryRows,
	expectNoAxeViolations,
	handsOnAnswers,
	logIn,
	signUp,
	submitAndWait,
	finishQuiz,
	uniqueId
} from './helpers';

/** A second person at another computer: their own browser context, so their own cookies. */
async function otherPerson(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled, locale: 'fr-FR' });
	return context.newPage();
}

async function createCohort(page: Page, name: string): Promise<{ url: string; code: string }> {
	await page.goto('/conseiller');
	await page.getByLabel('Nom de la cohorte').fill(name);
	await page.getByLabel('Année scolaire ou groupe (facultatif)').fill('2026-2027');
	await submitAndWait(page, 'Créer la cohorte');
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const code = (await page.locator('.code').innerText()).trim();
	expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
	return { url: new URL(page.url()).pathname, code };
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`the counsellor journey with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('cohort → join by code → quiz → dashboard → note → CSV → leave → access gone', async ({
			page,
			browser
		}) => {
			const counsellor = uniqueId('conseil');
			createAccountWithCli('counsellor', counsellor);
			await logIn(page, counsellor);
			await expect(page.getByRole('link', { name: 'Mes cohortes' })).toBeVisible();
			const cohort = await createCohort(page, `Terminale ${counsellor.slice(-6)}`);
			await expect(page.getByText('Personne n’a encore rejoint cette cohorte.')).toBeVisible();

			// A pseudonym-like address that a spreadsheet would run as a formula.
			const studentPage = await otherPerson(browser, javaScriptEnabled);
			const student = `=1+2-${uniqueId('e')}@exemple.fr`;
			await signUp(studentPage, student);
			await studentPage.getByLabel('Code de la cohorte').fill(cohort.code.toLowerCase().replace('-', ' '));
			// A GET form: the client router follows it when JavaScript runs, so there is no page load to wait for.
			await studentPage.getByRole('button', { name: 'Rejoindre' }).click();
			await expect(studentPage.getByRole('heading', { name: /Partager vos résultats avec/ })).toBeVisible();
			await expect(studentPage.getByText(`Cette cohorte est suivie par ${counsellor}.`)).toBeVisible();
			await expect(studentPage.getByText('votre mot de passe ;')).toBeVisible();
			await submitAndWait(studentPage, 'Je rejoins la cohorte');
			await expect(studentPage).toHaveURL(/\/compte\?rejoint=1$/);
			await expect(studentPage.locator('.cohorts')).toContainText(counsellor);

			// Joined, quiz not started yet.
			await page.goto(cohort.url);
			const row = page.locator('table.students tbody tr', { hasText: student });
			await expect(row).toContainText('Pas commencé');

			// A new code stops joins with the old one; the student who joined stays.
			await page.getByRole('button', { name: 'Changer le code' }).click();
			await expect(page.locator('.code')).not.toHaveText(cohort.code);
			const latecomer = await otherPerson(browser, javaScriptEnabled);
			await signUp(latecomer, uniqueId('retard'));
			await latecomer.goto(`/compte/rejoindre?code=${cohort.code}`);
			await expect(latecomer.getByRole('alert')).toContainText(
				'Ce code ne correspond à aucune cohorte ouverte'
			);
			await latecomer.context().close();
			await page.reload();
			await expect(row).toContainText('Pas commencé');

			await finishQuiz(studentPage, handsOnAnswers);
			const firstCareer = (await studentPage.locator('ol.top h3').first().innerText()).trim();

			await page.goto(cohort.url);
			await expect(row).toContainText('Terminé');
			// How many statements the result rests on, in the table and on the student's page.
			const asked = (await studentPage.locator('.basis').innerText()).match(/sur (\d+) phrases/)![1];
			await expect(row).toContainText(`sur ${asked} phrases`);
			await expect(row.locator('ol.top li').first()).toContainText(firstCareer);
			await expect(page.locator('.figures')).toContainText('1 quiz terminé(s)');
			await expect(
				page.getByRole('heading', { name: 'Métier le plus proche de chaque élève' })
			).toBeVisible();
			await expect(page.getByRole('img', { name: 'Profil d’intérêts moyen de la cohorte' })).toBeVisible();

			await row.getByRole('link', { name: student }).click();
			await expect(page.getByRole('heading', { level: 1, name: student })).toBeVisible();
			await expect(page.locator('ol.top h3').first()).toHaveText(firstCareer);
			await expect(page.locator('.basis')).toContainText(`sur ${asked} phrases`);
			await page
				.getByLabel('Note', { exact: true })
				.fill('Aime le concret : parler des bacs pros maintenance.');
			await page.getByRole('button', { name: 'Ajouter la note' }).click();
			await expect(page.getByText('Note ajoutée.')).toBeVisible();
			await expect(page.locator('.note-list')).toContainText('Aime le concret');
			await page
				.getByLabel('Note', { exact: true })
				.last()
				.fill('Bravo pour le quiz : à bientôt en entretien !');
			await page.getByLabel('Partager cette note avec l’élève').last().check();
			await page.getByRole('button', { name: 'Ajouter la note' }).click();
			await expect(page.locator('.note-list .badge.shared')).toHaveCount(1);
			const studentUrl = new URL(page.url()).pathname;

			const printed = await page.request.get(`${studentUrl}/imprimer`);
			expect(printed.status()).toBe(200);
			expect(await printed.text()).toContain('Fiche entretien');

			const csv = await page.request.get(`${cohort.url}/export.csv`);
			expect(csv.status()).toBe(200);
			expect(csv.headers()['content-type']).toContain('text/csv');
			const lines = (await csv.text())
				.replace(/^\uFEFF/, '')
				.trim()
				.split('\r\n');
			expect(lines).toHaveLength(2);
			expect(lines[0]).toMatch(/^eleve;statut;/);
			expect(lines[1]!.startsWith(`'${student};terminé;`)).toBe(true);
			expect(lines[1]).toContain(firstCareer);

			// Every read of the student's data is in the audit log.
			const audited = await queryRows<{ action: string }>(
				'select action from audit_log a join users u on u.id = a.student_id where u.identifier = ? order by a.id',
				student
			);
			expect(audited.map((a) => a.action)).toEqual(
				expect.arrayContaining(['student_viewed', 'student_printed', 'cohort_exported'])
			);

			// The student sees who looked, then leaves: access ends with the next request.
			await studentPage.goto('/compte');
			await expect(
				studentPage.getByText(/Consultations de vos données et actions sur votre compte : [1-9]/)
			).toBeVisible();
			await expect(studentPage.locator('.shared-notes')).toContainText('Bravo pour le quiz');
			await expect(studentPage.getByText('Aime le concret')).toHaveCount(0);
			const exported = await (await studentPage.request.get('/compte/export')).json();
			expect(exported.cohorts).toHaveLength(1);
			expect(exported.notesAboutMe.map((n: { body: string }) => n.body)).toEqual([
				'Bravo pour le quiz : à bientôt en entretien !'
			]);
			expect(JSON.stringify(exported)).not.toContain('Aime le concret');
			expect(exported.viewsOfMyData.map((v: { action: string }) => v.action)).toContain('student_printed');
			await studentPage.getByRole('button', { name: /Quitter « Terminale/ }).click();
			await expect(studentPage.getByText('Vous avez quitté la cohorte')).toBeVisible();
			expect((await page.goto(studentUrl))?.status()).toBe(404);
			const after = await page.request.get(`${cohort.url}/export.csv`);
			expect((await after.text()).trim().split('\r\n')).toHaveLength(1);
			await studentPage.context().close();
		});
	});
}

/** A counsellor signed in on `page` with a cohort that one student joined (and, when asked, finished the quiz). */
async function cohortWithOneStudent(page: Page, browser: Browser, options: { quiz: boolean }) {
	const counsellor = uniqueId('conseil-axe');
	createAccountWithCli('counsellor', counsellor);
	await logIn(page, counsellor);
	const cohort = await createCohort(page, 'Cohorte accessible');
	const studentPage = await otherPerson(browser, true);
	const student = uniqueId('eleve-axe');
	await signUp(studentPage, student);
	await studentPage.goto(`/compte/rejoindre?code=${cohort.code}`);
	await submitAndWait(studentPage, 'Je rejoins la cohorte');
	if (options.quiz) await finishQuiz(studentPage, handsOnAnswers);
	return { cohort, studentPage, student };
}

test('a student cannot open the counsellor pages; the consent screen passes axe', async ({
	page,
	browser
}) => {
	const counsellor = uniqueId('conseil-axe');
	createAccountWithCli('counsellor', counsellor);
	await logIn(page, counsellor);
	const cohort = await createCohort(page, 'Cohorte accessible');
	const studentPage = await otherPerson(browser, true);
	await signUp(studentPage, uniqueId('eleve-axe'));
	await studentPage.goto(`/compte/rejoindre?code=${cohort.code}`);
	await expectNoAxeViolations(studentPage, 'consent screen');
	await submitAndWait(studentPage, 'Je rejoins la cohorte');
	expect((await studentPage.goto('/conseiller'))?.status()).toBe(403);
	expect((await studentPage.goto(cohort.url))?.status()).toBe(403);
	await studentPage.context().close();
});

test('hovering a student is not reading their file: nothing preloaded, nothing audited', async ({
	page,
	browser
}) => {
	const { cohort, studentPage } = await cohortWithOneStudent(page, browser, { quiz: false });
	await studentPage.context().close();
	await page.goto(cohort.url);
	const link = page.locator('table.students tbody a').first();
	const studentId = (await link.getAttribute('href'))!.split('/').pop();
	const audited = async () =>
		(
			await queryOne<{ n: number }>(
				'select cast(count(*) as integer) as n from audit_log where student_id = ? and action = ?',
				studentId,
				'student_viewed'
			)
		).n;
	const preloads: string[] = [];
	page.on('request', (request) => {
		if (request.url().includes(`/conseiller/eleves/${studentId}`)) preloads.push(request.url());
	});
	await link.hover();
	// A hover preload would start ~20 ms after the pointer rests; give it far longer to show up.
	await page.waitForTimeout(500);
	expect(preloads).toEqual([]);
	expect(await audited()).toBe(0);
	await link.click();
	await expect(page.getByRole('heading', { name: 'Mes notes' })).toBeVisible();
	expect(await audited()).toBe(1);
});

test('a student who forgot their password chooses a new one with a code from their counsellor', async ({
	page,
	browser
}) => {
	const { cohort, studentPage, student } = await cohortWithOneStudent(page, browser, { quiz: false });
	await page.goto(cohort.url);
	await page.locator('table.students tbody a').first().click();
	await page.getByRole('button', { name: 'Créer un code de réinitialisation' }).click();
	const shown = await page.getByText(/Code à donner à l’élève/).innerText();
	const code = shown.match(/[A-Z2-7]{5}-[A-Z2-7]{5}/)![0];

	// At another computer, without JavaScript, where nobody is signed in.
	const forgot = await otherPerson(browser, false);
	await forgot.goto('/compte/connexion');
	await forgot.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
	await forgot.getByLabel('Adresse e-mail ou pseudonyme').fill(student);
	await forgot.getByLabel('Code de réinitialisation').fill('AAAAA-AAAAA');
	await forgot.getByLabel('Nouveau mot de passe').fill('un autre secret bien long');
	await submitAndWait(forgot, 'Enregistrer ce mot de passe');
	await expect(forgot.getByText(/Ce code ne correspond pas à ce compte/)).toBeVisible();
	await expect(forgot.getByLabel('Adresse e-mail ou pseudonyme')).toHaveValue(student);

	await forgot.getByLabel('Code de réinitialisation').fill(code.toLowerCase());
	await forgot.getByLabel('Nouveau mot de passe').fill('un autre secret bien long');
	await submitAndWait(forgot, 'Enregistrer ce mot de passe');
	await expect(forgot).toHaveURL(/\/compte\/connexion\?mot-de-passe=nouveau$/);
	await expect(forgot.getByText('Votre nouveau mot de passe est enregistré')).toBeVisible();

	// The session that knew the old password is over; the new password opens the account, which shows both steps.
	await studentPage.goto('/compte');
	await expect(studentPage).toHaveURL(/\/compte\/connexion/);
	await logIn(forgot, student, 'un autre secret bien long');
	await expect(forgot).toHaveURL(/\/compte$/);
	await forgot.getByText(/Consultations de vos données et actions sur votre compte : [1-9]/).click();
	await expect(forgot.getByText('a créé un code pour choisir un nouveau mot de passe')).toBeVisible();
	await expect(forgot.getByText('a choisi un nouveau mot de passe avec un code')).toBeVisible();
	await forgot.context().close();
	await studentPage.context().close();
});

/** One test per page, each a bounded amount of work; the cohort, its student and their result are made once. */
test.describe('the counsellor pages pass axe', () => {
	test.describe.configure({ mode: 'serial' });
	const PAGES = ['my cohorts', 'the cohort page', 'the student page', 'the print view', 'the comparison'];
	const paths = new Map<string, string>();
	let cookies: Cookie[] = [];

	test.beforeAll(async ({ browser }) => {
		const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
		const { cohort, studentPage } = await cohortWithOneStudent(page, browser, { quiz: true });
		await studentPage.context().close();
		await page.goto(cohort.url);
		await page.locator('table.students tbody a').first().click();
		await expect(page.getByRole('heading', { name: 'Mes notes' })).toBeVisible();
		const student = new URL(page.url()).pathname;
		['/conseiller', cohort.url, student, `${student}/imprimer`, `${student}/comparer`].forEach((path, i) =>
			paths.set(PAGES[i]!, path)
		);
		cookies = await page.context().cookies();
		await page.context().close();
	});

	for (const name of PAGES) {
		test(name, async ({ page }) => {
			await page.context().addCookies(cookies);
			const path = paths.get(name)!;
			await page.goto(path);
			await expect(page).toHaveURL(new RegExp(`${path}$`));
			await page.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
			await expectNoAxeViolations(page, path);
		});
	}
});

test('joining: under 15 without a parent’s recorded consent, a counsellor, a wrong code: refused, nothing joined', async ({
	page,
	browser
}) => {
	const counsellor = uniqueId('conseil-refus');
	createAccountWithCli('counsellor', counsellor);
	await logIn(page, counsellor);
	const cohort = await createCohort(page, 'Cohorte fermée aux erreurs');
	expect((await page.goto(`/compte/rejoindre?code=${cohort.code}`))?.status()).toBe(200);
	await expect(page.getByRole('alert')).toHaveText('Seuls les comptes élèves peuvent rejoindre une cohorte.');

	const young = uniqueId('jeune');
	createAccountWithCli('student', young, new Date().getFullYear() - 13);
	const studentPage = await otherPerson(browser, true);
	await logIn(studentPage, young);
	await studentPage.goto(`/compte/rejoindre?code=${cohort.code}`);
	await expect(studentPage.getByRole('alert')).toContainText(
		'Avant 15 ans, rejoindre une cohorte demande le consentement d’un parent'
	);
	await expect(studentPage.getByRole('button', { name: 'Je rejoins la cohorte' })).toHaveCount(0);

	await studentPage.context().close();

	// A code changed while the consent screen is open: confirming joins nothing and keeps the typed code.
	const adultPage = await otherPerson(browser, false);
	await signUp(adultPage, uniqueId('adulte'));
	await adultPage.goto(`/compte/rejoindre?code=${cohort.code}`);
	await page.goto(cohort.url);
	await page.getByRole('button', { name: 'Changer le code' }).click();
	await expect(page.locator('.code')).not.toHaveText(cohort.code);
	const newCode = (await page.locator('.code').innerText()).trim();
	await submitAndWait(adultPage, 'Je rejoins la cohorte');
	await expect(adultPage.getByRole('alert')).toContainText('Ce code ne correspond à aucune cohorte ouverte');
	await expect(adultPage.getByLabel('Code de la cohorte')).toHaveValue(cohort.code);
	// The refusal is not shown by loading /compte/rejoindre?code=… again, which would count the code twice.
	expect(new URL(adultPage.url()).search).toBe('');

	// An archived cohort takes nobody, even with its code; a code that is no code is named as such.
	await submitAndWait(page, 'Archiver la cohorte');
	await expect(page.getByText('Cette cohorte est archivée')).toBeVisible();
	await adultPage.goto(`/compte/rejoindre?code=${newCode}`);
	await expect(adultPage.getByRole('alert')).toContainText('Ce code ne correspond à aucune cohorte ouverte');
	await adultPage.goto('/compte/rejoindre?code=abc');
	await expect(adultPage.getByRole('alert')).toContainText('Un code de cohorte a 8 caractères');
	await adultPage.context().close();

	const cohortId = cohort.url.split('/').pop();
	expect(
		await queryOne('select cast(count(*) as integer) as n from cohort_members where cohort_id = ?', cohortId)
	).toEqual({ n: 0 });
});
