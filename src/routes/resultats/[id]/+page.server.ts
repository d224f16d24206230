import { error, fail, redirect } from '@sveltejs/kit';
import { currentLocale, formatDate } from '$lib/labels';
import { getCatalogue } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { findResultForOwner } from '$lib/server/db/repositories/results';
import { ownerOf } from '$lib/server/owner';
import { matchesForDisplay } from '$lib/server/result-view';
import { addDismissal, listDismissals, removeDismissal } from '$lib/server/db/repositories/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, cookies, locals, setHeaders }) => {
	const result = findResultForOwner(getDb(), params.id, ownerOf({ cookies, locals }));
	// Someone else's result and a result that does not exist look the same from outside.
	if (!result) error(404, { message: 'Résultat introuvable' });
	setHeaders({ 'cache-control': 'private, no-store' });

	const catalogue = getCatalogue();
	const locale = currentLocale();
	const dismissedSlugs = locals.user ? new Set(listDismissals(getDb(), locals.user.id)) : new Set<string>();
	const matches = matchesForDisplay(result.ranking, dismissedSlugs, catalogue, locale);

	return {
		id: result.id,
		date: formatDate(result.createdAt),
		signedIn: locals.user !== null,
		dismissed: [...dismissedSlugs].map((slug) => ({
			slug,
			title: catalogue.careerBySlug.get(slug)?.title ?? slug
		})),
		engineVersion: result.engineVersion,
		catalogueVersion: result.catalogueVersion,
		profile: result.ranking.profile,
		quality: result.ranking.quality,
		matches
	};
};

/** « Pas pour moi » and its undo: only for the signed-in owner of the result; the choice is kept. */
function dismissalAction(apply: typeof addDismissal | typeof removeDismissal) {
	return async ({ params, cookies, locals, request }: Parameters<Actions[string]>[0]) => {
		if (!locals.user) redirect(303, `/compte/connexion?redirectTo=/resultats/${params.id}`);
		if (!findResultForOwner(getDb(), params.id, ownerOf({ cookies, locals })))
			error(404, { message: 'Résultat introuvable' });
		const slug = (await request.formData()).get('slug');
		if (typeof slug !== 'string' || !getCatalogue().careerBySlug.has(slug))
			return fail(400, { error: 'unknown_career' });
		apply(getDb(), locals.user.id, slug);
		return { done: true };
	};
}

export const actions: Actions = {
	dismiss: dismissalAction(addDismissal),
	undismiss: dismissalAction(removeDismissal)
};
