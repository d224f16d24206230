import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { safeRedirectPath } from '$lib/server/http';
import { readOwnerHash, renewOwnerHash } from '$lib/server/quiz/owner';
import { browserResultsToClaim, claimBrowserResults } from '$lib/server/results/claims';
import type { Actions, PageServerLoad } from './$types';

/** « Ces résultats sont-ils les vôtres ? »: results made in this browser before signing in, never taken silently. */
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const goTo = safeRedirectPath(event.url.searchParams.get('redirectTo'), '/compte');
	const found = await browserResultsToClaim(readOwnerHash(event));
	if (found.results.length === 0 && !found.inProgress) redirect(303, goTo);
	return { ...found, redirectTo: goTo };
};

export const actions: Actions = {
	claim: async (event) => {
		const { user } = requireUser(event);
		const ownerHash = readOwnerHash(event);
		if (ownerHash) await claimBrowserResults(user, ownerHash);
		redirect(303, safeRedirectPath(event.url.searchParams.get('redirectTo'), '/compte'));
	},
	/** Not theirs: the browser gets a new anonymous owner, so they are no longer reachable from it. */
	decline: async (event) => {
		requireUser(event);
		renewOwnerHash(event);
		redirect(303, safeRedirectPath(event.url.searchParams.get('redirectTo'), '/compte'));
	}
};
