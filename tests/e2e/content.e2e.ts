import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	createAccountWithCli,
	expectNoAxeViolations,
	finishQuiz,
	logIn,
	queryOne,
	submitAndWait,
	uniqueId
} from './helpers';

/**
 * The catalogue's back-office. Drafts are shared by every editor and a publication changes what every
 * visitor sees, so this file runs its tests one after the other; the careers it edits are put back (a
 * rollback) before each test ends.
 */
test.describe.configure({ mode: 'serial' });

/** Answers that rank a few careers clearly first (the career edited is whichever comes first). */
const answers = (questionNumber: number) => [5, 1, 4, 2, 3][questionNumber % 5]!;

async function newPage(browser: Browser, javaScriptEnabled = true): Promise<Page> {
	return (await browser.newContext({ locale: 'fr-FR', javaScriptEnabled })).newPage();
}

async function currentVersion(): Promise<number> {
	const { number } = await queryOne<{ number: number }>(
		'select max(number) as number from catalogue_versions'
	);
	return Number(number);
}

/** An editor, signed in with their second factor, on the back-office's first page. */
async function editor(page: Page): Promise<void> {
	const identifier = uniqueId('redaction');
	createAccountWithCli('editor', identifier);
	await logIn(page, identifier);
	await page.goto('/admin/contenu');
	await expect(page.getByRole('heading', { level: 1, name: 'Contenus du catalogue' })).toBeVisible();
}

/** From the list to a career's form, through the search. */
async function openCareer(page: Page, slug: string): Promise<void> {
	await page.goto('/admin/contenu?type=metiers');
	await page.getByLabel('Rechercher').fill(slug);
	await page.getByRole('button', { name: 'Appliquer' }).click();
	await expect(page).toHaveURL(new RegExp(`q=${slug}`));
	await page.locator(`a[href="/admin/contenu/metiers/${slug}"]`).click();
	await expect(page).toHaveURL(new RegExp(`/admin/contenu/metiers/${slug}$`));
}

const configurations = [
	{ name: 'JavaScript on, 1280 px', javaScriptEnabled: true, viewport: { width: 1280, height: 900 } },
	{ name: 'JavaScript off, 1280 px', javaScriptEnabled: false, viewport: { width: 1280, height: 900 } },
	{ name: 'phone, 390 px', javaScriptEnabled: true, viewport: { width: 390, height: 844 } }
];

for (const { name, javaScriptEnabled, viewport } of configurations) {
	test.describe(`the content back-office, ${name}`, () => {
		test.use({ javaScriptEnabled, viewport });
		/** axe runs in the page: with JavaScript off, the passes with it on have scanned the same pages. */
		const scan = (page: Page, label: string) =>
			javaScriptEnabled ? expectNoAxeViolations(page, label) : Promise.resolve();

		test('an editor changes a career’s salary and vector, previews, publishes, and rolls back; an older result keeps its version', async ({
			page,
			browser
		}) => {
			// A student's result, made before the change.
			const student = await newPage(browser, javaScriptEnabled);
			const resultPath = await finishQuiz(student, answers);
			const first = student.locator('.hook').first();
			const oldHook = (await first.innerText()).trim();
			const slug = (await student.locator('h3 a[href^="/metiers/"]').first().getAttribute('href'))!.split(
				'/'
			)[2]!;
			const before = await currentVersion();

			await editor(page);
			await openCareer(page, slug);
			const junior = page.getByLabel('Salaire débutant (brut annuel, €)');
			const oldJunior = Number(await junior.inputValue());
			const newJunior = oldJunior + 1_500;
			await junior.fill(String(newJunior));
			const newHook = `Tester une accroche changée par l’équipe éditoriale (${viewport.width} px).`;
			await page.getByLabel('Accroche (commence par un infinitif)').fill(newHook);
			const communication = page.getByLabel('Communication orale', { exact: true });
			const oldCommunication = Number(await communication.inputValue());
			await communication.fill(
				String(oldCommunication >= 0.5 ? oldCommunication - 0.05 : oldCommunication + 0.05)
			);

			// A vector changed without a reason: refused, nothing kept.
			await submitAndWait(page, 'Enregistrer le brouillon');
			await expect(page.getByRole('alert')).toContainText('dites pourquoi');
			await expect(page.getByText('Publié, sans brouillon en cours.')).toBeVisible();
			await expect(page.getByLabel('Salaire débutant (brut annuel, €)')).toHaveValue(String(newJunior));
			await page
				.getByLabel('Raison de la modification du profil')
				.fill('Les offres d’emploi françaises en parlent moins.');
			await submitAndWait(page, 'Enregistrer le brouillon');
			await expect(page.getByRole('status')).toContainText('Brouillon enregistré');
			await scan(page, 'the career form');

			// The preview is the public page, with the draft; the public page itself has not changed.
			await page.getByRole('link', { name: 'Voir l’aperçu' }).click();
			await expect(
				page.getByText('Aperçu : cette page montre le catalogue avec tous les brouillons.')
			).toBeVisible();
			await expect(page.getByText(newHook)).toBeVisible();
			await expect(page.locator('#salaire-title').locator('..')).toContainText(
				new RegExp(String(newJunior).replace(/(\d+)(\d{3})$/, '$1\\s?$2'))
			);
			await scan(page, 'the preview');
			const visitor = await newPage(browser, javaScriptEnabled);
			await visitor.goto(`/metiers/${slug}`);
			await expect(visitor.getByText(oldHook)).toBeVisible();

			// Review: the diff, the effect on rankings, every check; publish.
			await page.goto('/admin/contenu/publier');
			await expect(page.getByText('Toutes les vérifications passent')).toBeVisible();
			await expect(page.getByRole('cell', { name: 'salary.junior' })).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Effet sur les classements' })).toBeVisible();
			await scan(page, 'the review page');
			await page.getByLabel('Note de publication (facultative)').fill('Salaires de l’année');
			await submitAndWait(page, `Publier la version ${before + 1}`);
			await expect(page.getByRole('status')).toContainText(`Version ${before + 1} publiée`);
			expect(await currentVersion()).toBe(before + 1);

			// Everyone sees it at the next request…
			await visitor.goto(`/metiers/${slug}`);
			await expect(visitor.getByText(newHook)).toBeVisible();
			// …but the older result is still shown with the catalogue it was computed with.
			await student.goto(resultPath);
			// (its number is that of a version with the same content: after a rollback, an earlier one)
			await expect(student.getByText(/calculé avec la version \d+ du catalogue/)).toBeVisible();
			await expect(student.getByText(`Le catalogue en est à la version ${before + 1}.`)).toBeVisible();
			await expect(student.getByText(oldHook).first()).toBeVisible();
			await expect(student.getByText(newHook)).toHaveCount(0);

			// History: who, when, the field-level diff; rollback as a new version.
			await page.getByRole('link', { name: 'Historique' }).click();
			await scan(page, 'the history');
			await page.getByRole('link', { name: `Version ${before + 1}`, exact: true }).click();
			await expect(page.getByRole('heading', { level: 1, name: `Version ${before + 1}` })).toBeVisible();
			await expect(page.locator('dd').filter({ hasText: 'Salaires de l’année' })).toBeVisible();
			await expect(page.getByRole('cell', { name: 'salary.junior' })).toBeVisible();
			await expect(page.getByRole('cell', { name: String(newJunior) })).toBeVisible();
			await page.goto(`/admin/contenu/versions/${before}`);
			await scan(page, 'an older version');
			await submitAndWait(page, `Rétablir la version ${before}`);
			await expect(page.getByRole('status')).toContainText(
				`La version ${before} est rétablie : elle est en ligne comme version ${before + 2}`
			);
			await visitor.goto(`/metiers/${slug}`);
			await expect(visitor.getByText(oldHook)).toBeVisible();
			const { actions } = await queryOne<{ actions: string }>(
				"select count(*) as actions from audit_log where action in ('content_draft_saved', 'content_published', 'content_rolled_back') and subject in (?, ?, ?)",
				`career:${slug}`,
				`version:${before + 1}`,
				`version:${before}`
			);
			expect(Number(actions)).toBeGreaterThanOrEqual(3);
		});

		test('a publication that breaks a content check is refused with the reason, and a draft can be dropped', async ({
			page
		}) => {
			const before = await currentVersion();
			await editor(page);
			await openCareer(page, 'product-owner');
			await page
				.getByLabel('Accroche (commence par un infinitif)')
				.fill('Un métier où l’on décide de ce qui compte.');
			await submitAndWait(page, 'Enregistrer le brouillon');
			await expect(page.getByRole('status')).toContainText('Brouillon enregistré');

			await page.getByRole('link', { name: 'Relire et publier' }).click();
			await expect(page.getByText('1 problème(s) empêchent la publication')).toBeVisible();
			await expect(
				page.getByText(/l’accroche commence par un infinitif|accroche commence par un infinitif/)
			).toBeVisible();
			await submitAndWait(page, `Publier la version ${before + 1}`);
			await expect(page.getByRole('alert')).toContainText('Publication refusée');
			expect(await currentVersion()).toBe(before);

			await openCareer(page, 'product-owner');
			await submitAndWait(page, 'Abandonner le brouillon');
			await expect(page.getByText('Publié, sans brouillon en cours.')).toBeVisible();
			await page.goto('/admin/contenu/publier');
			await expect(page.getByText('Aucun brouillon : rien à publier.')).toBeVisible();
		});
	});
}

test('the back-office refuses bad input and changes nothing', async ({ page }) => {
	await editor(page);
	await expectNoAxeViolations(page, 'the list');
	await page.goto('/admin/contenu/formations/nouveau');
	await expectNoAxeViolations(page, 'a new training');
	await page.getByLabel('Identifiant (dans l’adresse)').fill('Pas Un Identifiant');
	await page.getByLabel('Durée (mois)').fill('dix-huit');
	await submitAndWait(page, 'Enregistrer le brouillon');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Rien n’a été enregistré');
	await expect(alert).toContainText('Durée (mois)');
	await expect(page.getByLabel('Durée (mois)')).toHaveAttribute('aria-invalid', 'true');
	const { drafts } = await queryOne<{ drafts: number }>('select count(*) as drafts from catalogue_drafts');
	expect(Number(drafts)).toBe(0);
	await page.goto('/admin/contenu/metiers/astronaute');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Page introuvable');
	await page.goto('/admin/contenu/versions/99999');
	await expect(page.getByText('Cette version n’existe pas.')).toBeVisible();
	await page.goto('/admin/contenu?type=questions&q=zzzz');
	await expect(page.getByText('Rien ne correspond à cette recherche.')).toBeVisible();
	await expectNoAxeViolations(page, 'an empty search');
});
