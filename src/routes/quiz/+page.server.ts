import { redirect } from '@sveltejs/kit';
import { ensureOwner, ownerOf } from '$lib/server/quiz/owner';
import { loadQuizPage, restartQuiz, saveQuizPage } from '$lib/server/quiz/quiz';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, cookies, locals }) =>
	loadQuizPage(ownerOf({ cookies, locals }), url.searchParams.get('page'));

export const actions: Actions = {
	save: async (event) => {
		const outcome = await saveQuizPage(await event.request.formData(), () => ensureOwner(event));
		if (!outcome.ok) return outcome.failure;
		redirect(303, outcome.goTo);
	},

	restart: async ({ cookies, locals }) => {
		await restartQuiz(ownerOf({ cookies, locals }));
		redirect(303, '/quiz?page=1');
	}
};
