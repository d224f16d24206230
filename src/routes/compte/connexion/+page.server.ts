import { fail, redirect } from '@sveltejs/kit';
import { logIn } from '$lib/server/auth/account';
import { startSession } from '$lib/server/auth/cookies';
import { getDb } from '$lib/server/db';
import { safeRedirectPath } from '$lib/server/http';
import { readOwnerHash } from '$lib/server/owner';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/compte'));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const identifier = form.get('identifier');
		const safeIdentifier = typeof identifier === 'string' ? identifier.slice(0, 254) : '';
		const outcome = await logIn(
			getDb(),
			{ identifier, password: form.get('password') },
			{ ip: getClientAddress(), ownerHash: readOwnerHash(cookies) }
		);
		if (!outcome.ok) {
			if ('throttled' in outcome)
				return fail(429, { identifier: safeIdentifier, throttled: outcome.throttled });
			return fail(400, { identifier: safeIdentifier, throttled: 0 });
		}
		startSession(cookies, url, outcome.token, outcome.session);
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/compte'));
	}
};
