import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { defineForm, readForm, refuse } from '$lib/server/forms';
import { ensureOwner, ownerOf } from '$lib/server/quiz/owner';
import { refineResult } from '$lib/server/quiz/quiz';
import { setCareerDismissed, showResult } from '$lib/server/results/results';
import type { Actions, PageServerLoad } from './$types';

function notFound(): never {
	error(404, { message: m.error_result_not_found() });
}

export const load: PageServerLoad = async ({ params, cookies, locals, url, setHeaders }) => {
	// Someone else's result and a result that does not exist look the same from outside.
	const view = url.searchParams.get('etudes') === 'courtes' ? 'short' : 'all';
	const result = await showResult(ownerOf({ cookies, locals, url }), locals.user, params.id, view);
	if (!result) notFound();
	setHeaders({ 'cache-control': 'private, no-store' });
	locals.resultPage = {
		resultId: result.id,
		dismissed: result.dismissed.map(({ slug }) => slug),
		catalogueVersion: result.newerCatalogue ?? result.catalogueNumber
	};
	return result;
};

const careerForm = defineForm(z.object({ slug: z.string() }));

/** « Pas pour moi » and its undo: only for the signed-in owner of the result; the choice is kept. */
function dismissalAction(dismissed: boolean) {
	return async ({ params, cookies, locals, url, request }: Parameters<Actions[string]>[0]) => {
		if (!locals.user) redirect(303, `/compte/connexion?redirectTo=/resultats/${params.id}`);
		const input = await readForm(request, careerForm);
		if (!input.ok) return input.failure;
		const owner = { ...ownerOf({ cookies, locals, url }), userId: locals.user.id };
		const outcome = await setCareerDismissed(owner, params.id!, input.data.slug, dismissed);
		if (outcome === 'not_found') notFound();
		if (outcome === 'unknown_career') return refuse(400, input.values, { slug: m.error_unknown_career() });
		return { done: true };
	};
}

export const actions: Actions = {
	dismiss: dismissalAction(true),
	undismiss: dismissalAction(false),
	/** « Affiner »: more questions from this result's answers; a new result follows, this one stays. */
	refine: async (event) => {
		const outcome = await refineResult(ensureOwner(event), event.params.id);
		if (outcome === 'not_found') notFound();
		if (outcome === 'busy') return refuse(409, {}, {}, m.results_refine_busy());
		redirect(303, '/quiz');
	}
};
