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
	type Owner
} from '../db/repositories/attempts';
import { parseForm, refuse } from '../forms';
import { generateId } from '../ids';
import { resultOfAnswers } from '../results/matching';
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

async function ownerAnswers(
	owner: Owner
): Promise<{ attemptId: string | null; answers: Record<string, number> }> {
	const db = getDb();
	const attempt = await findOpenAttempt(db, owner);
	return attempt
		? { attemptId: attempt.id, answers: await readAnswers(db, attempt.id) }
		: { attemptId: null, answers: {} };
}

/** One page of the quiz as this visitor left it: the page asked for, else the first one with a blank. */
export async function loadQuizPage(owner: Owner, requestedPage: string | null) {
	const { questions } = await getCatalogue();
	const total = questions.length;
	if (total === 0) return { unavailable: true as const };

	const { answers } = await ownerAnswers(owner);
	const pages = pageCount(total);
	const page = pageNumber(requestedPage, pages) ?? resumePage(questions, answers);
	const firstUnanswered = questions.findIndex((q) => answers[q.id] === undefined);
	return {
		unavailable: false as const,
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

export type QuizPageOutcome = { ok: true; goTo: string } | { ok: false; failure: ReturnType<typeof refuse> };

/**
 * Saves the answers of one page, then moves on: to the previous or next page, or to the result when the
 * visitor finishes (with at least half of the questions answered). Without an account, each save counts
 * against the visitor's address (a throttle record is written).
 */
export async function saveQuizPageThrottled(
	form: FormData,
	ensureOwner: () => Owner & { ownerHash: string },
	context: { ip: string }
): Promise<QuizPageOutcome> {
	const catalogue = await getCatalogue();
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
	const owner = ensureOwner();
	if (Object.keys(answers).length > 0) {
		// Anonymous writes are counted per address (an account is accountable on its own).
		if (!owner.userId) {
			const reservation = await reserve('anonymousWrites', context.ip);
			if (!reservation.ok)
				return {
					ok: false,
					failure: refuse(429, input.values, {}, m.error_throttled({ seconds: reservation.retryAfter }))
				};
		}
		await saveAnswers(getDb(), owner, answers, generateId);
	}

	if (input.data.nav === 'prev') return { ok: true, goTo: `/quiz?page=${Math.max(1, page - 1)}` };
	if (input.data.nav === 'next') return { ok: true, goTo: `/quiz?page=${Math.min(pages, page + 1)}` };

	const { attemptId, answers: stored } = await ownerAnswers(owner);
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

/** « Recommencer à zéro »: the answers in progress go; finished results stay. */
export async function restartQuiz(owner: Owner): Promise<void> {
	await discardOpenAttempt(getDb(), owner);
}

/** Where this visitor stands: an attempt in progress, a latest result — for the landing page's buttons. */
export async function visitorProgress(
	owner: Owner
): Promise<{ answered: number; latestResultId: string | null }> {
	const { answers } = await ownerAnswers(owner);
	return {
		answered: Object.keys(answers).length,
		latestResultId: await findLatestResultIdForOwner(getDb(), owner)
	};
}
