import { z } from 'zod';
import { ADAPTIVE, adaptiveStep, type AdaptiveStep, type Answers } from '$lib/engine';
import { m } from '$lib/paraglide/messages';
import type { Catalogue, CatalogueQuestion } from '../catalog/types';
import { defineForm } from '../forms';
import { answerFieldName, likertAnswer } from './pages';

/**
 * The adaptive quiz as a sequence of pages. Nothing but the answers is stored: the pages are replayed from
 * them — the first page is the engine's opening, each next one follows from the answers to the pages
 * before — so a reload, another tab or another app process sees the same page, and going back to change an
 * answer simply replays what follows from it (answers to questions no longer on the way are left aside).
 */

/** « Affiner »: this many more questions each time (up to the whole bank), asked without stopping early. */
export const REFINE_MORE = 8;

/** The limits of an attempt: the usual adaptive quiz, or a refinement (which asks all its extra questions). */
export function attemptLimits(itemLimit: number | null): { maxItems: number; minItems: number } {
	const maxItems = itemLimit ?? ADAPTIVE.maxItems;
	return maxItems > ADAPTIVE.maxItems
		? { maxItems, minItems: maxItems }
		: { maxItems, minItems: ADAPTIVE.minItems };
}

export interface AdaptiveProgress {
	/** The pages answered, in order. */
	pages: CatalogueQuestion[][];
	/** The page to answer now; null when the quiz is done. */
	current: CatalogueQuestion[] | null;
	/** The answers on the way (those of `pages`). */
	answers: Answers;
	/** Where the quiz stands after them. */
	step: AdaptiveStep;
}

export function adaptiveProgress(
	catalogue: Catalogue,
	stored: Readonly<Record<string, number>>,
	itemLimit: number | null
): AdaptiveProgress {
	const limits = attemptLimits(itemLimit);
	const pages: CatalogueQuestion[][] = [];
	const answers: Record<string, number> = {};
	for (;;) {
		const step = adaptiveStep(catalogue.questions, catalogue.engineCareers, answers, limits);
		const next = step.next as CatalogueQuestion[];
		if (step.done || next.some((question) => stored[question.id] === undefined))
			return { pages, current: step.done ? null : next, answers, step };
		pages.push(next);
		for (const question of next) answers[question.id] = stored[question.id]!;
	}
}

/**
 * The form of one adaptive page: its number, the way to go, and an answer 1–5 per question. Going on needs
 * them all, since the next page depends on them (a question left blank would only come back); going back
 * keeps whatever was answered.
 */
export function adaptivePageForm(page: number, questions: readonly CatalogueQuestion[]) {
	const fields = questions.map((question) => answerFieldName(question.id));
	return defineForm(
		z
			.object({
				page: z.string().refine((raw) => raw === String(page), { error: () => m.quiz_error_invalid() }),
				nav: z.enum(['prev', 'next'], { error: () => m.quiz_error_invalid() }),
				...Object.fromEntries(fields.map((field) => [field, likertAnswer]))
			})
			.superRefine((form, context) => {
				if (form.nav !== 'next') return;
				for (const field of fields)
					if ((form as Record<string, unknown>)[field] === null)
						context.addIssue({ code: 'custom', path: [field], message: m.quiz_error_required() });
			})
	);
}
