import { fail, redirect } from '@sveltejs/kit';
import { localised } from '$lib/labels';
import { getCatalogue } from '$lib/server/catalog';
import { ensureOwner, ownerOf } from '$lib/server/owner';
import {
	answerFieldName,
	finishOwnerQuiz,
	loadOwnerAnswers,
	pageCount,
	parsePageAnswers,
	questionsOnPage,
	restartOwnerQuiz,
	resumePage,
	saveOwnerAnswers,
	QUIZ_PAGE_SIZE
} from '$lib/server/quiz';
import type { Actions, PageServerLoad } from './$types';

function pageNumber(raw: string | null | FormDataEntryValue, pages: number): number | null {
	if (typeof raw !== 'string' || !/^\d{1,4}$/.test(raw)) return null;
	const page = Number(raw);
	return page >= 1 && page <= pages ? page : null;
}

export const load: PageServerLoad = ({ url, cookies, locals }) => {
	const { questions } = getCatalogue();
	const total = questions.length;
	if (total === 0) return { unavailable: true as const };

	const { answers } = loadOwnerAnswers(ownerOf({ cookies, locals }));
	const pages = pageCount(total);
	const page = pageNumber(url.searchParams.get('page'), pages) ?? resumePage(questions, answers);
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
};

export const actions: Actions = {
	save: async ({ request, cookies, url, locals }) => {
		const { questions } = getCatalogue();
		const pages = pageCount(questions.length);
		const form = await request.formData();
		const page = pageNumber(form.get('page'), pages);
		const nav = form.get('nav');
		if (page === null || (nav !== 'prev' && nav !== 'next' && nav !== 'finish')) {
			return fail(400, { error: 'invalid' as const, invalid: [] as string[] });
		}

		const parsed = parsePageAnswers(form, questionsOnPage(questions, page));
		if (!parsed.ok) return fail(400, { error: 'invalid' as const, invalid: parsed.invalid });

		const owner = ensureOwner({ cookies, locals, url });
		if (Object.keys(parsed.answers).length > 0) saveOwnerAnswers(owner, parsed.answers);

		if (nav === 'prev') redirect(303, `/quiz?page=${Math.max(1, page - 1)}`);
		if (nav === 'next') redirect(303, `/quiz?page=${Math.min(pages, page + 1)}`);

		const outcome = finishOwnerQuiz(owner);
		if (!outcome.ok) {
			return fail(422, { error: 'too_few' as const, answered: outcome.answered, required: outcome.required });
		}
		redirect(303, `/resultats/${outcome.resultId}`);
	},

	restart: ({ cookies, locals }) => {
		restartOwnerQuiz(ownerOf({ cookies, locals }));
		redirect(303, '/quiz?page=1');
	}
};
