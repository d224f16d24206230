import { redirect } from '@sveltejs/kit';
import { signUpThrottled } from '$lib/server/accounts/accounts';
import { signupForm } from '$lib/server/accounts/forms';
import { startSession } from '$lib/server/auth/cookies';
import { readForm, refuse } from '$lib/server/forms';
import { safeRedirectPath } from '$lib/server/http';
import { readOwnerHash } from '$lib/server/quiz/owner';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/compte');
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const input = await readForm(request, signupForm);
		if (!input.ok) return input.failure;
		const outcome = await signUpThrottled(input.data, {
			ip: getClientAddress(),
			ownerHash: readOwnerHash(cookies)
		});
		if (!outcome.ok) return refuse(outcome.status, input.values, outcome.errors, outcome.message);
		startSession(cookies, url, outcome.token, outcome.session);
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/compte'));
	}
};
