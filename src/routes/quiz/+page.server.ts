import { redirect } from '@sveltejs/kit';
import { postedForm } from '$lib/server/forms';
import { ensureOwner, ownerOf } from '$lib/server/quiz/owner';
import { loadQuizPage, restartQuiz, saveQuizPageThrottled, switchToFullQuiz } from '$lib/server/quiz/quiz';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, cookies, locals }) =>
	loadQuizPage(ownerOf({ cookies, locals, url }), url.searchParams.get('page'));

export const actions: Actions = {
	save: async (event) => {
		const outcome = await saveQuizPageThrottled(await postedForm(event.request), () => ensureOwner(event), {
			ip: event.getClientAddress()
		});
		if (!outcome.ok) return outcome.failure;
		redirect(303, outcome.goTo);
	},

	/** « Répondre à toutes les questions »: the quiz goes on as the full one, answers kept. */
	full: async (event) => {
		await switchToFullQuiz(ensureOwner(event));
		redirect(303, '/quiz?page=1');
	},

	restart: async ({ cookies, locals, url }) => {
		await restartQuiz(ownerOf({ cookies, locals, url }));
		redirect(303, '/quiz?page=1');
	}
};
