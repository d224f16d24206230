import { fail, redirect } from '@sveltejs/kit';
import { isSecure } from '$lib/server/auth/cookies';
import { requireUser } from '$lib/server/auth/guards';
import { verifyPassword } from '$lib/server/auth/password';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { deleteUser, findUserCredentials } from '$lib/server/db/repositories/users';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const password = (await event.request.formData()).get('password');
		const db = getDb();
		const credentials = findUserCredentials(db, user.identifier);
		if (
			!credentials ||
			typeof password !== 'string' ||
			!(await verifyPassword(credentials.passwordHash, password))
		) {
			return fail(400, { error: m.password_wrong_current() });
		}
		deleteUser(db, user.id);
		deleteSessionCookie(event.cookies, isSecure(event.url));
		redirect(303, '/?compte=supprime');
	}
};
