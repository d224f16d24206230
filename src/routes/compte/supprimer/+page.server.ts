import { redirect } from '@sveltejs/kit';
import { deleteAccountThrottled } from '$lib/server/accounts/accounts';
import { deleteAccountForm } from '$lib/server/accounts/forms';
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
		const outcome = await deleteAccountThrottled(user, input.data.password);
		if (!outcome.ok) return refuse(outcome.status, input.values, outcome.errors, outcome.message);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/?compte=supprime');
	}
};
