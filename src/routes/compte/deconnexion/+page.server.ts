import { redirect } from '@sveltejs/kit';
import { logOut } from '$lib/server/accounts/accounts';
import { isSecure } from '$lib/server/auth/cookies';
import { deleteSessionCookie } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/compte');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		await logOut(locals.session);
		deleteSessionCookie(cookies, isSecure(url));
		redirect(303, '/');
	}
};
