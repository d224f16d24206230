import { redirect } from '@sveltejs/kit';
import { logOut } from '$lib/server/accounts/accounts';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { renewOwnerHash } from '$lib/server/quiz/owner';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/compte');

export const actions: Actions = {
	default: async (event) => {
		await logOut(event.locals.session ?? event.locals.pendingSecondFactor?.session ?? null);
		deleteSessionCookie(event.cookies, event.url);
		// On a shared computer the next person must not find this one's quiz: the browser gets a new owner.
		renewOwnerHash(event);
		redirect(303, '/');
	}
};
