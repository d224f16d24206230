import { redirect } from '@sveltejs/kit';
import { logInThrottled } from '$lib/server/accounts/accounts';
import { loginForm } from '$lib/server/accounts/forms';
import { startSession } from '$lib/server/auth/cookies';
import { readForm, refuse } from '$lib/server/forms';
import { safeRedirectPath } from '$lib/server/http';
import { readOwnerHash } from '$lib/server/quiz/owner';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/compte'));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const input = await readForm(request, loginForm);
		if (!input.ok) return input.failure;
		const outcome = await logInThrottled(input.data, {
			ip: getClientAddress(),
			ownerHash: readOwnerHash(cookies)
		});
		if (!outcome.ok) return refuse(outcome.status, input.values, outcome.errors, outcome.message);
		startSession(cookies, url, outcome.token, outcome.session);
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/compte'));
	}
};
