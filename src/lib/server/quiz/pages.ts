import { z } from 'zod';
import { isLikertValue } from '$lib/engine';
import { m } from '$lib/paraglide/messages';
import type { CatalogueQuestion } from '../catalog/types';
import { defineForm } from '../forms';

/** Small pages: four questions fit a phone screen and keep a page's worth of answers per request. */
export const QUIZ_PAGE_SIZE = 4;
/** Below half the questions answered, the profile is too thin to rank anything honestly. */
export const MIN_ANSWERED_SHARE = 0.5;

export function answerFieldName(questionId: string): string {
	return `answer-${questionId}`;
}

export function pageCount(questionCount: number): number {
	return Math.max(1, Math.ceil(questionCount / QUIZ_PAGE_SIZE));
}

export function questionsOnPage(questions: readonly CatalogueQuestion[], page: number): CatalogueQuestion[] {
	return questions.slice((page - 1) * QUIZ_PAGE_SIZE, page * QUIZ_PAGE_SIZE);
}

/** Where to resume: the first page that still has an unanswered question (or the last page). */
export function resumePage(questions: readonly CatalogueQuestion[], answers: Record<string, number>): number {
	const index = questions.findIndex((q) => answers[q.id] === undefined);
	return index === -1 ? pageCount(questions.length) : Math.floor(index / QUIZ_PAGE_SIZE) + 1;
}

export function minimumAnswers(questionCount: number): number {
	return Math.ceil(questionCount * MIN_ANSWERED_SHARE);
}

/** A page number of the quiz, from a URL or a form; null when it is not one. */
export function pageNumber(raw: unknown, pages: number): number | null {
	if (typeof raw !== 'string' || !/^\d{1,4}$/.test(raw)) return null;
	const page = Number(raw);
	return page >= 1 && page <= pages ? page : null;
}

/** An answer as posted: 1–5, or empty for a question left for later. */
export const likertAnswer = z
	.string()
	.refine((raw) => raw === '' || (/^\d$/.test(raw) && isLikertValue(Number(raw))), {
		error: () => m.quiz_error_invalid()
	})
	.transform((raw) => (raw === '' ? null : Number(raw)));

/**
 * The form of one quiz page: its number, where to go next, and an answer 1–5 per question of that page (a
 * missing answer is a skipped question). Anything else is refused, naming the question, so nothing
 * half-valid gets stored.
 */
export function quizPageForm(questions: readonly CatalogueQuestion[], page: number) {
	const pages = pageCount(questions.length);
	return defineForm(
		z.object({
			page: z
				.string()
				.refine((raw) => pageNumber(raw, pages) === page, { error: () => m.quiz_error_invalid() }),
			nav: z.enum(['prev', 'next', 'finish'], { error: () => m.quiz_error_invalid() }),
			...Object.fromEntries(
				questionsOnPage(questions, page).map((q) => [answerFieldName(q.id), likertAnswer])
			)
		})
	);
}
