import { expect, type Page } from '@playwright/test';

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
