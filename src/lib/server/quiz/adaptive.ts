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
	/** Where the quiz stands after them, with the ranking so far (worked out when first read). */
	readonly step: AdaptiveStep;
}

/**
 * The pages already worked out, per catalogue: replaying a quiz of k pages takes k steps of a few milliseconds,
 * and every save replays it, so a student's earlier pages come from here and only the last step is computed.
 * Only the next page's questions are kept (not the ranking), in a bounded map, least recently used out first.
 */
const PAGES_KEPT = 20_000;
const pagesByCatalogue = new WeakMap<Catalogue, Map<string, CatalogueQuestion[] | 'done'>>();

function nextPage(
	catalogue: Catalogue,
	answers: Readonly<Record<string, number>>,
	limits: ReturnType<typeof attemptLimits>
): { page: CatalogueQuestion[] | 'done'; step?: AdaptiveStep } {
	let kept = pagesByCatalogue.get(catalogue);
	if (!kept) pagesByCatalogue.set(catalogue, (kept = new Map()));
	// The answers are built in the order of the pages, so the same way gives the same key.
	const key = `${limits.maxItems} ${limits.minItems} ${JSON.stringify(answers)}`;
	const page = kept.get(key);
	if (page !== undefined) {
		kept.delete(key);
		kept.set(key, page);
		return { page };
	}
	const step = adaptiveStep(catalogue.questions, catalogue.engineCareers, answers, limits);
	if (kept.size >= PAGES_KEPT) kept.delete(kept.keys().next().value!);
	kept.set(key, step.done ? 'done' : (step.next as CatalogueQuestion[]));
	return { page: step.done ? 'done' : (step.next as CatalogueQuestion[]), step };
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
		const { page: next, step: computed } = nextPage(catalogue, answers, limits);
		if (next === 'done' || next.some((question) => stored[question.id] === undefined)) {
			let step = computed;
			return {
				pages,
				current: next === 'done' ? null : next,
				answers,
				// The ranking, only for whoever reads it (a result): showing or saving a page does not need it.
				get step() {
					return (step ??= adaptiveStep(catalogue.questions, catalogue.engineCareers, answers, limits));
				}
			};
		}
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
