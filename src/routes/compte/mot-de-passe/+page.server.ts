import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { passwordErrorMessage } from '$lib/server/auth/messages';
import { checkPassword, hashPassword, verifyPassword } from '$lib/server/auth/password';
import { invalidateOtherSessions } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { findUserCredentials, updatePasswordHash } from '$lib/server/db/repositories/users';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
};

export const actions: Actions = {
	default: async (event) => {
		const { user, session } = requireUser(event);
		const form = await event.request.formData();
		const current = form.get('currentPassword');
		const next = form.get('newPassword');
		const db = getDb();
		const credentials = findUserCredentials(db, user.identifier);
		if (
			!credentials ||
			typeof current !== 'string' ||
			!(await verifyPassword(credentials.passwordHash, current))
		) {
			return fail(400, { errors: { currentPassword: m.password_wrong_current() }, done: false });
		}
		const check = checkPassword(next, user.identifier);
		if (!check.ok)
			return fail(422, { errors: { newPassword: passwordErrorMessage(check.reason) }, done: false });
		updatePasswordHash(db, user.id, await hashPassword(next as string));
		// Whoever knew the old password is signed out everywhere else.
		invalidateOtherSessions(db, user.id, session.id);
		return { errors: {}, done: true };
	}
};
