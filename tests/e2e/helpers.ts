import { expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';

export const LIKERT_LABELS = ['Pas du tout', 'Plutôt non', 'Mitigé', 'Plutôt oui', 'Tout à fait'] as const;

/** Picks an answer (1–5) on every question of the current quiz page; `choose` gets the question number. */
export async function answerCurrentPage(
	page: Page,
	choose: (questionNumber: number) => number
): Promise<void> {
	const questions = page.locator('fieldset.question');
	const count = await questions.count();
	for (let i = 0; i < count; i += 1) {
		const fieldset = questions.nth(i);
		const label = await fieldset.locator('.number').innerText();
		const number = Number(label.match(/\d+/)![0]);
		await fieldset.getByLabel(LIKERT_LABELS[choose(number) - 1]!, { exact: true }).check();
	}
}

/** Answers the whole quiz from the current page and submits the last page; returns on the results page. */
export async function takeWholeQuiz(page: Page, choose: (questionNumber: number) => number): Promise<void> {
	for (;;) {
		await answerCurrentPage(page, choose);
		const finish = page.getByRole('button', { name: 'Voir mes résultats' });
		if (await finish.isVisible()) {
			await finish.click();
			await expect(page).toHaveURL(/\/resultats\/[a-z2-7]{24}$/);
			return;
		}
		const progress = await page.locator('.page-count strong').innerText();
		await page.getByRole('button', { name: 'Suivant' }).click();
		await expect(page.locator('.page-count strong')).not.toHaveText(progress);
	}
}

/** A person who likes making things with their hands and fixing machines, and little else. */
export function handsOnAnswers(questionNumber: number): number {
	return [5, 2, 4, 1, 3, 5, 1, 4][questionNumber % 8]!;
}

export const PASSWORD = 'une phrase bien longue';
let counter = 0;
/**
 * A fresh pseudonym per call (tests run in parallel against one database), within the 32 characters a
 * pseudonym may have: a long prefix is cut, the unique suffix never.
 */
export function uniqueId(prefix: string): string {
	const suffix = `-${process.pid}-${Date.now().toString(36)}-${++counter}`;
	return prefix.slice(0, 32 - suffix.length) + suffix;
}

export function database() {
	return new Database(process.env.E2E_DATABASE_PATH!, { readonly: true, fileMustExist: true });
}

export async function signUp(page: Page, identifier: string, birthYear = '1995') {
	await page.goto('/compte/inscription');
	await page.getByLabel('Adresse e-mail ou pseudonyme').fill(identifier);
	await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Année de naissance').fill(birthYear);
	await submitAndWait(page, 'Créer mon compte');
}

export async function logIn(page: Page, identifier: string, password = PASSWORD) {
	await page.goto('/compte/connexion');
	await page.getByLabel('Adresse e-mail ou pseudonyme').fill(identifier);
	await page.getByLabel('Mot de passe', { exact: true }).fill(password);
	await submitAndWait(page, 'Se connecter');
}

/** These forms post without JavaScript enhancement: wait for the answer page before looking at cookies. */
export async function submitAndWait(page: Page, button: string) {
	await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button }).click()]);
}

/**
 * Staff accounts exist only through the bootstrap command, as in production: run it on the test database.
 * It also makes students the sign-up form cannot (under 15 without a recorded parental consent).
 */
export function createAccountWithCli(
	role: 'student' | 'counsellor' | 'admin',
	identifier: string,
	birthYear = 1990
): void {
	execFileSync(
		process.execPath,
		[
			'--import',
			'tsx',
			'scripts/user-create.ts',
			'--role',
			role,
			'--identifier',
			identifier,
			'--birth-year',
			String(birthYear)
		],
		{
			input: PASSWORD,
			env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_PATH },
			stdio: ['pipe', 'ignore', 'pipe'] // a refusal's reason then shows in the test's error
		}
	);
}
