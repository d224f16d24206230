// Screenshots of the main pages at phone and desktop widths, for review and for the README.
// Usage: start the app (npm start), then `npx tsx scripts/screenshots.ts [baseURL] [outDir]`.
import { chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = process.argv[3] ?? 'screenshots';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--no-first-run'
	]
});

async function takeQuiz(page: Page): Promise<void> {
	await page.goto(`${base}/quiz?page=1`);
	for (let guard = 0; guard < 40; guard += 1) {
		const questions = page.locator('fieldset.question');
		for (let i = 0; i < (await questions.count()); i += 1) {
			const value = [5, 4, 2, 1, 3, 4, 5, 2][(guard * 4 + i) % 8]!;
			await questions.nth(i).locator(`input[value="${value}"]`).check();
		}
		const finish = page.getByRole('button', { name: 'Voir mes résultats' });
		if (await finish.isVisible()) {
			await finish.click();
			await page.waitForURL(/resultats/);
			return;
		}
		const progress = await page.locator('.page-count strong').innerText();
		await page.getByRole('button', { name: 'Suivant' }).click();
		await page.waitForFunction(
			(before) => document.querySelector('.page-count strong')?.textContent !== before,
			progress
		);
	}
}

for (const [name, width, height] of [
	['phone', 390, 844],
	['desktop', 1280, 900]
] as const) {
	const context = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR' });
	const page = await context.newPage();
	for (const [label, path] of [
		['home', '/'],
		['quiz', '/quiz?page=1'],
		['careers', '/metiers'],
		['career', '/metiers/data-analyst'],
		['method', '/methodologie']
	]) {
		await page.goto(`${base}${path}`);
		await page.screenshot({ path: `${out}/${name}-${label}.png`, fullPage: label !== 'method' });
	}
	await takeQuiz(page);
	await page.screenshot({ path: `${out}/${name}-results.png`, fullPage: true });
	await page.screenshot({ path: `${out}/${name}-results-top.png` });
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: `${out}/${name}-results-print.png`, fullPage: true });
	await context.close();
}
await browser.close();
console.log(`Screenshots in ${out}/`);
