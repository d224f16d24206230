import { isLikertValue } from '$lib/engine';
import { getCatalogue, type CatalogueQuestion } from './catalog';
import { getDb } from './db';
import {
	discardOpenAttempt,
	finishAttempt,
	findOpenAttempt,
	readAnswers,
	saveAnswers,
	type Owner
} from './db/repositories/attempts';
import { generateId } from './ids';
import { resultOfAnswers } from './matching';

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

export function loadOwnerAnswers(owner: Owner): {
	attemptId: string | null;
	answers: Record<string, number>;
} {
	const db = getDb();
	const attempt = findOpenAttempt(db, owner);
	return attempt
		? { attemptId: attempt.id, answers: readAnswers(db, attempt.id) }
		: { attemptId: null, answers: {} };
}

export type PageAnswersParse =
	{ ok: true; answers: Record<string, number> } | { ok: false; invalid: string[] };

/**
 * Reads the answers of one quiz page from a submitted form. A missing answer is a skipped question;
 * anything other than 1–5 is refused, naming the question, so nothing half-valid gets stored.
 */
export function parsePageAnswers(
	form: FormData,
	pageQuestions: readonly CatalogueQuestion[]
): PageAnswersParse {
	const answers: Record<string, number> = {};
	const invalid: string[] = [];
	for (const question of pageQuestions) {
		const raw = form.get(answerFieldName(question.id));
		if (raw === null || raw === '') continue;
		const value = typeof raw === 'string' && /^\d$/.test(raw) ? Number(raw) : NaN;
		if (isLikertValue(value)) answers[question.id] = value;
		else invalid.push(question.id);
	}
	return invalid.length > 0 ? { ok: false, invalid } : { ok: true, answers };
}

export function saveOwnerAnswers(
	owner: Owner & { ownerHash: string },
	answers: Record<string, number>
): string {
	return saveAnswers(getDb(), owner, answers, generateId);
}

export type FinishOutcome =
	{ ok: true; resultId: string } | { ok: false; answered: number; required: number };

export function finishOwnerQuiz(owner: Owner): FinishOutcome {
	const catalogue = getCatalogue();
	const { attemptId, answers } = loadOwnerAnswers(owner);
	const answered = catalogue.questions.filter((q) => answers[q.id] !== undefined).length;
	const required = minimumAnswers(catalogue.questions.length);
	if (!attemptId || answered < required) return { ok: false, answered, required };
	const resultId = finishAttempt(
		getDb(),
		attemptId,
		(stored) => resultOfAnswers(catalogue, stored),
		generateId
	);
	return { ok: true, resultId };
}

export function restartOwnerQuiz(owner: Owner): void {
	discardOpenAttempt(getDb(), owner);
}
