import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import pg from 'pg';
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

/** Answers the quiz from the current page, page after page, until the server shows the results. */
export async function takeWholeQuiz(page: Page, choose: (questionNumber: number) => number): Promise<void> {
	for (let guard = 0; guard < 40; guard += 1) {
		await answerCurrentPage(page, choose);
		const finish = page.getByRole('button', { name: 'Voir mes résultats' });
		const progress = await page.locator('.page-count strong').innerText();
		await ((await finish.isVisible()) ? finish : page.getByRole('button', { name: 'Suivant' })).click();
		// Either the next page (its numbers change) or the results; a short timeout per look, since the page
		// may leave for the results while it is being read.
		await expect(async () => {
			if (/\/resultats\/[a-z2-7]{24}$/.test(page.url())) return;
			const now = await page.locator('.page-count strong').textContent({ timeout: 1000 });
			expect(now).not.toBe(progress);
		}).toPass();
		if (/\/resultats\/[a-z2-7]{24}$/.test(page.url())) return;
	}
	throw new Error('the quiz never ended');
}

/**
 * A finished quiz without the clicks, for the journeys that need a result but are not about the quiz: the
 * adaptive quiz's pages are read from the open API (the same answers give the same page as the server's),
 * and each page's form is posted as the browser would post it (same cookies, same origin); then the result
 * is opened. `choose` gets the question's number in the order asked. Returns the result's path.
 */
export async function finishQuiz(
	page: Page,
	choose: (questionNumber: number) => number,
	baseURL = test.info().project.use.baseURL!
): Promise<string> {
	const answers: Record<string, number> = {};
	for (let pageNumber = 1; pageNumber <= 40; pageNumber += 1) {
		const step: { page: { id: string }[]; asked: number } = await (
			await page.request.post(`${baseURL}/api/v1/quiz/next`, { data: { answers } })
		).json();
		const form: Record<string, string> = { page: String(pageNumber), nav: 'next' };
		step.page.forEach((question, index) => {
			answers[question.id] = choose(step.asked + index + 1);
			form[`answer-${question.id}`] = String(answers[question.id]);
		});
		const response = await page.request.post(`${baseURL}/quiz?/save`, {
			form,
			headers: { origin: new URL(baseURL).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), `quiz page ${pageNumber}`).toBe(303);
		const location = response.headers().location!;
		if (location.startsWith('/resultats/')) {
			expect(location).toMatch(/^\/resultats\/[a-z2-7]{24}$/);
			await page.goto(`${baseURL}${location}`);
			return location;
		}
	}
	throw new Error('the quiz never ended');
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** axe on what the page shows now; the failure names the page and each violation's elements. */
export async function expectNoAxeViolations(page: Page, label = new URL(page.url()).pathname): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary, label).toEqual([]);
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

/**
 * Rows read straight from the test server's database, SQLite file or PostgreSQL (`?` placeholders for both).
 * Counts are written `cast(count(*) as integer)` so that both engines give a number; a time is a number of
 * milliseconds on SQLite and a Date on PostgreSQL (`new Date(value)` reads both).
 */
export async function queryRows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
	const url = process.env.E2E_DATABASE_URL!;
	if (url.startsWith('postgres')) {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		try {
			let n = 0;
			return (
				await client.query(
					sql.replace(/\?/g, () => `$${++n}`),
					params
				)
			).rows as T[];
		} finally {
			await client.end();
		}
	}
	const db = new Database(url, { readonly: true, fileMustExist: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

export async function queryOne<T>(sql: string, ...params: unknown[]): Promise<T> {
	const [row] = await queryRows<T>(sql, ...params);
	return row!;
}

export async function signUp(page: Page, identifier: string, birthYear = '1995') {
	await page.goto('/compte/inscription');
	await page.getByLabel('Adresse e-mail ou pseudonyme').fill(identifier);
	await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Année de naissance').fill(birthYear);
	await submitAndWait(page, 'Créer mon compte');
}

/**
 * Logs in through the form. Staff (and anyone with a second factor) land on the second-factor page: the
 * helper sets it up at the first log-in (reading the key the page shows, as a phone would scan it) and gives
 * the code at the next ones, then goes on.
 */
export async function logIn(page: Page, identifier: string, password = PASSWORD) {
	await page.goto('/compte/connexion');
	await page.getByLabel('Adresse e-mail ou pseudonyme').fill(identifier);
	await page.getByLabel('Mot de passe', { exact: true }).fill(password);
	await submitAndWait(page, 'Se connecter');
	if (/\/compte\/double-authentification/.test(page.url())) await giveSecondFactor(page, identifier);
}

/** The second-factor keys of the accounts this test process set up, and the last step used with each. */
const totpKeys = new Map<string, { key: string; lastStep: number }>();

/** A code the server has not seen yet for this account: a code works once, so a second log-in within the same 30 seconds takes the next step's code (accepted, clocks drift). */
export function nextTotpCode(identifier: string, key?: string): string {
	const known = totpKeys.get(identifier) ?? { key: key!, lastStep: 0 };
	const step = Math.max(Math.floor(Date.now() / 30_000), known.lastStep + 1);
	totpKeys.set(identifier, { key: known.key, lastStep: step });
	return generateHOTP(decodeBase32IgnorePadding(known.key), BigInt(step), 6);
}

/** The same, for a request context (API-level tests): sets the second factor up after a password log-in. */
export async function enrolSecondFactorByRequest(
	client: APIRequestContext,
	identifier: string,
	location: string
): Promise<void> {
	const baseURL = test.info().project.use.baseURL!;
	const page = await (await client.get(location)).text();
	const key = page.match(/data-testid="totp-key"[^>]*>([A-Z2-7]+)</)![1]!;
	const path = new URL(location, baseURL);
	const enrolled = await client.post(`${path.pathname}?/enrol&${path.searchParams}`, {
		form: { code: nextTotpCode(identifier, key) },
		headers: { origin: new URL(baseURL).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(await enrolled.text()).toContain('Vos codes de secours');
}

export async function giveSecondFactor(page: Page, identifier: string) {
	const key = page.getByTestId('totp-key');
	if (await key.isVisible()) {
		await page.getByLabel('Code à 6 chiffres').fill(nextTotpCode(identifier, (await key.innerText()).trim()));
		await submitAndWait(page, 'Activer');
		await expect(page.getByRole('heading', { name: 'Vos codes de secours' })).toBeVisible();
		await page.getByRole('link', { name: "J'ai noté mes codes, continuer" }).click();
	} else {
		await page.getByLabel('Code à 6 chiffres').fill(nextTotpCode(identifier));
		await submitAndWait(page, 'Valider');
	}
	await expect(page).not.toHaveURL(/double-authentification/);
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
	role: 'student' | 'counsellor' | 'editor' | 'admin',
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
			env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
			stdio: ['pipe', 'ignore', 'pipe'] // a refusal's reason then shows in the test's error
		}
	);
}
