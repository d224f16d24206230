import { redirect } from '@sveltejs/kit';
import { signUpThrottled } from '$lib/server/accounts/accounts';
import { signupForm } from '$lib/server/accounts/forms';
import { pathAfterSignIn } from '$lib/server/accounts/next-step';
import { describeDevice } from '$lib/server/auth/device';
import { setSessionCookie } from '$lib/server/auth/session';
import { readForm, refuse } from '$lib/server/forms';
import { safeRedirectPath } from '$lib/server/http';
import { readOwnerHash } from '$lib/server/quiz/owner';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/compte');
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url, getClientAddress } = event;
		const input = await readForm(request, signupForm);
		if (!input.ok) return input.failure;
		const outcome = await signUpThrottled(input.data, {
			ip: getClientAddress(),
			device: describeDevice(request.headers.get('user-agent'))
		});
		if (!outcome.ok) return refuse(outcome.status, input.values, outcome.errors, outcome.message);
		setSessionCookie(cookies, url, outcome.token, outcome.session.expiresAt);
		const goTo = safeRedirectPath(url.searchParams.get('redirectTo'), '/compte');
		redirect(303, await pathAfterSignIn(outcome.user, outcome.session, readOwnerHash(event), goTo));
	}
};
