import { redirect } from '@sveltejs/kit';
import { deleteAccount } from '$lib/server/accounts/accounts';
import { deleteAccountForm } from '$lib/server/accounts/forms';
import { isSecure } from '$lib/server/auth/cookies';
import { requireUser } from '$lib/server/auth/guards';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { readForm, refuse } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const input = await readForm(event.request, deleteAccountForm);
		if (!input.ok) return input.failure;
		const outcome = await deleteAccount(user, input.data.password);
		if (!outcome.ok) return refuse(outcome.status, input.values, outcome.errors, outcome.message);
		deleteSessionCookie(event.cookies, isSecure(event.url));
		redirect(303, '/?compte=supprime');
	}
};
