import { localised } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { reserve } from '../auth/throttle';
import { getCatalogue } from '../catalog';
import { getDb } from '../db';
import {
	discardOpenAttempt,
	finishAttempt,
	findLatestResultIdForOwner,
	findOpenAttempt,
	readAnswers,
	saveAnswers,
	setOpenAttemptMode,
	startRefinement,
	type Owner
} from '../db/repositories/attempts';
import { parseForm, refuse } from '../forms';
import { generateId } from '../ids';
import { resultOfAdaptiveQuiz, resultOfAnswers } from '../results/matching';
import type { Catalogue, CatalogueQuestion } from '../catalog/types';
import { ADAPTIVE } from '$lib/engine';
import type { QuizMode } from '$lib/vocabulary';
import { adaptivePageForm, adaptiveProgress, attemptLimits, REFINE_MORE } from './adaptive';
import {
	QUIZ_PAGE_SIZE,
	answerFieldName,
	minimumAnswers,
	pageCount,
	pageNumber,
	questionsOnPage,
	quizPageForm,
	resumePage
} from './pages';

interface OpenQuiz {
	attemptId: string | null;
	answers: Record<string, number>;
	mode: QuizMode;
	itemLimit: number | null;
}

/** The owner's quiz in progress; without one, a new quiz is adaptive. */
async function openQuiz(owner: Owner): Promise<OpenQuiz> {
	const db = getDb();
	const attempt = await findOpenAttempt(db, owner);
	return attempt
		? {
				attemptId: attempt.id,
				answers: await readAnswers(db, attempt.id),
				mode: attempt.mode,
				itemLimit: attempt.itemLimit
			}
		: { attemptId: null, answers: {}, mode: 'adaptive', itemLimit: null };
}

const NEW_ADAPTIVE = { mode: 'adaptive', itemLimit: ADAPTIVE.maxItems } as const;

/** One page of the quiz as this visitor left it: the page asked for, else where they stopped. */
export async function loadQuizPage(owner: Owner, requestedPage: string | null) {
	const catalogue = await getCatalogue();
	const { questions } = catalogue;
	if (questions.length === 0) return { unavailable: true as const };
	const quiz = await openQuiz(owner);
	return quiz.mode === 'full'
		? fullQuizPage(questions, quiz.answers, requestedPage)
		: adaptiveQuizPage(catalogue, quiz, requestedPage);
}

function fullQuizPage(
	questions: readonly CatalogueQuestion[],
	answers: Record<string, number>,
	requestedPage: string | null
) {
	const total = questions.length;
	const pages = pageCount(total);
	const page = pageNumber(requestedPage, pages) ?? resumePage(questions, answers);
	const firstUnanswered = questions.findIndex((q) => answers[q.id] === undefined);
	return {
		unavailable: false as const,
		mode: 'full' as const,
		bank: total,
		page,
		pages,
		total,
		answered: questions.filter((q) => answers[q.id] !== undefined).length,
		firstUnansweredPage: firstUnanswered === -1 ? null : Math.floor(firstUnanswered / QUIZ_PAGE_SIZE) + 1,
		questions: questionsOnPage(questions, page).map((question, index) => ({
			id: question.id,
			field: answerFieldName(question.id),
			text: localised(question.text),
			number: (page - 1) * QUIZ_PAGE_SIZE + index + 1,
			answer: answers[question.id] ?? null
		}))
	};
}

function adaptiveQuizPage(catalogue: Catalogue, quiz: OpenQuiz, requestedPage: string | null) {
	const progress = adaptiveProgress(catalogue, quiz.answers, quiz.itemLimit);
	const { maxItems } = attemptLimits(quiz.itemLimit);
	// The pages answered can be seen again; the current one is the last. A finished replay (answers given in
	// another tab) shows the last page, whose « Suivant » then leads to the result.
	const reachable = progress.current ? [...progress.pages, progress.current] : progress.pages;
	const last = Math.max(1, reachable.length);
	const page = pageNumber(requestedPage, last) ?? last;
	const shown = reachable[page - 1] ?? [];
	const before = reachable.slice(0, page - 1).reduce((sum, list) => sum + list.length, 0);
	return {
		unavailable: false as const,
		mode: 'adaptive' as const,
		bank: catalogue.questions.length,
		page,
		pages: last,
		total: maxItems,
		answered: Object.keys(progress.answers).length,
		firstUnansweredPage: null,
		questions: shown.map((question, index) => ({
			id: question.id,
			field: answerFieldName(question.id),
			text: localised(question.text),
			number: before + index + 1,
			answer: quiz.answers[question.id] ?? null
		}))
	};
}

export type QuizPageOutcome = { ok: true; goTo: string } | { ok: false; failure: ReturnType<typeof refuse> };

/** Anonymous writes are counted per address (an account is accountable on its own). */
async function anonymousWriteAllowed(owner: Owner, ip: string, values: Record<string, string>) {
	if (owner.userId) return null;
	const reservation = await reserve('anonymousWrites', ip);
	return reservation.ok
		? null
		: refuse(429, values, {}, m.error_throttled({ seconds: reservation.retryAfter }));
}

/**
 * Saves the answers of one page, then moves on: to the previous or next page, or to the result — when the
 * adaptive quiz has settled (or reached its limit), or when the visitor finishes the full quiz with at least
 * half of the questions answered. Without an account, each save counts against the visitor's address.
 */
export async function saveQuizPageThrottled(
	form: FormData,
	ensureOwner: () => Owner & { ownerHash: string },
	context: { ip: string }
): Promise<QuizPageOutcome> {
	const catalogue = await getCatalogue();
	const owner = ensureOwner();
	const quiz = await openQuiz(owner);
	return quiz.mode === 'full'
		? saveFullPage(catalogue, form, owner, context)
		: saveAdaptivePage(catalogue, form, owner, quiz, context);
}

async function saveAdaptivePage(
	catalogue: Catalogue,
	form: FormData,
	owner: Owner & { ownerHash: string },
	quiz: OpenQuiz,
	context: { ip: string }
): Promise<QuizPageOutcome> {
	const progress = adaptiveProgress(catalogue, quiz.answers, quiz.itemLimit);
	const reachable = progress.current ? [...progress.pages, progress.current] : progress.pages;
	const page = pageNumber(form.get('page'), Math.max(1, reachable.length)) ?? reachable.length;
	const shown = reachable[page - 1] ?? [];
	const input = parseForm(form, adaptivePageForm(page, shown));
	if (!input.ok) return { ok: false, failure: input.failure };
	const fields: Record<string, unknown> = input.data;
	const answers: Record<string, number> = {};
	for (const question of shown) {
		const value = fields[answerFieldName(question.id)];
		if (typeof value === 'number') answers[question.id] = value;
	}
	if (Object.keys(answers).length > 0) {
		const refused = await anonymousWriteAllowed(owner, context.ip, input.values);
		if (refused) return { ok: false, failure: refused };
		await saveAnswers(getDb(), owner, answers, generateId, new Date(), {
			mode: quiz.attemptId ? quiz.mode : NEW_ADAPTIVE.mode,
			itemLimit: quiz.attemptId ? quiz.itemLimit : NEW_ADAPTIVE.itemLimit
		});
	}
	if (input.data.nav === 'prev') return { ok: true, goTo: `/quiz?page=${Math.max(1, page - 1)}` };

	const saved = await openQuiz(owner);
	const after = adaptiveProgress(catalogue, saved.answers, saved.itemLimit);
	if (after.current || !saved.attemptId)
		return { ok: true, goTo: `/quiz?page=${Math.min(page + 1, after.pages.length + 1)}` };
	const resultId = await finishAttempt(
		getDb(),
		saved.attemptId,
		(stored) => resultOfAdaptiveQuiz(catalogue, adaptiveProgress(catalogue, stored, saved.itemLimit)),
		generateId
	);
	return { ok: true, goTo: `/resultats/${resultId}` };
}

async function saveFullPage(
	catalogue: Catalogue,
	form: FormData,
	owner: Owner & { ownerHash: string },
	context: { ip: string }
): Promise<QuizPageOutcome> {
	const { questions } = catalogue;
	const pages = pageCount(questions.length);
	const page = pageNumber(form.get('page'), pages) ?? 1;
	const input = parseForm(form, quizPageForm(questions, page));
	if (!input.ok) return { ok: false, failure: input.failure };

	const fields: Record<string, unknown> = input.data;
	const answers: Record<string, number> = {};
	for (const question of questionsOnPage(questions, page)) {
		const value = fields[answerFieldName(question.id)];
		if (typeof value === 'number') answers[question.id] = value;
	}
	if (Object.keys(answers).length > 0) {
		const refused = await anonymousWriteAllowed(owner, context.ip, input.values);
		if (refused) return { ok: false, failure: refused };
		await saveAnswers(getDb(), owner, answers, generateId, new Date(), { mode: 'full', itemLimit: null });
	}

	if (input.data.nav === 'prev') return { ok: true, goTo: `/quiz?page=${Math.max(1, page - 1)}` };
	if (input.data.nav === 'next') return { ok: true, goTo: `/quiz?page=${Math.min(pages, page + 1)}` };

	const { attemptId, answers: stored } = await openQuiz(owner);
	const answered = questions.filter((q) => stored[q.id] !== undefined).length;
	const required = minimumAnswers(questions.length);
	if (!attemptId || answered < required)
		return {
			ok: false,
			failure: refuse(422, input.values, {}, m.quiz_error_too_few({ required, answered }))
		};
	const resultId = await finishAttempt(
		getDb(),
		attemptId,
		(saved) => resultOfAnswers(catalogue, saved),
		generateId
	);
	return { ok: true, goTo: `/resultats/${resultId}` };
}

/** « Répondre à toutes les questions »: the quiz in progress goes on as the full quiz, answers kept. */
export async function switchToFullQuiz(owner: Owner & { ownerHash: string }): Promise<void> {
	await setOpenAttemptMode(getDb(), owner, { mode: 'full', itemLimit: null }, generateId);
}

/**
 * « Affiner » a result: a new attempt from its answers, asking `REFINE_MORE` more questions (up to the
 * whole bank); the result stays in the history, the new one comes after it.
 */
export async function refineResult(owner: Owner & { ownerHash: string }, resultId: string) {
	const { questions } = await getCatalogue();
	return startRefinement(
		getDb(),
		owner,
		resultId,
		(answered) => Math.min(questions.length, answered + REFINE_MORE),
		generateId
	);
}

/** « Recommencer à zéro »: the answers in progress go; finished results stay. */
export async function restartQuiz(owner: Owner): Promise<void> {
	await discardOpenAttempt(getDb(), owner);
}

/** Where this visitor stands: an attempt in progress, a latest result — for the landing page's buttons. */
export async function visitorProgress(
	owner: Owner
): Promise<{ answered: number; latestResultId: string | null }> {
	const { answers } = await openQuiz(owner);
	return {
		answered: Object.keys(answers).length,
		latestResultId: await findLatestResultIdForOwner(getDb(), owner)
	};
}
