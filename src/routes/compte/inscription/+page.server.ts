import { fail, redirect } from '@sveltejs/kit';
import { signUp, type SignupField } from '$lib/server/auth/account';
import { startSession } from '$lib/server/auth/cookies';
import { signupErrorMessage } from '$lib/server/auth/messages';
import { getDb } from '$lib/server/db';
import { safeRedirectPath } from '$lib/server/http';
import { readOwnerHash } from '$lib/server/owner';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/compte');
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const values = {
			identifier: form.get('identifier'),
			password: form.get('password'),
			birthYear: form.get('birthYear'),
			parentName: form.get('parentName'),
			parentConsent: form.get('parentConsent')
		};
		// Echo back what is safe to show again; never the password.
		const safe = {
			identifier: typeof values.identifier === 'string' ? values.identifier.slice(0, 254) : '',
			birthYear: typeof values.birthYear === 'string' ? values.birthYear.slice(0, 4) : '',
			parentName: typeof values.parentName === 'string' ? values.parentName.slice(0, 120) : ''
		};
		const outcome = await signUp(getDb(), values, {
			ip: getClientAddress(),
			ownerHash: readOwnerHash(cookies)
		});
		if (!outcome.ok) {
			if ('throttled' in outcome) {
				return fail(429, {
					...safe,
					throttled: outcome.throttled,
					errors: {} as Partial<Record<SignupField, string>>
				});
			}
			const errors = Object.fromEntries(
				Object.entries(outcome.errors).map(([field, code]) => [field, signupErrorMessage(code)])
			) as Partial<Record<SignupField, string>>;
			return fail(422, { ...safe, throttled: 0, errors });
		}
		startSession(cookies, url, outcome.token, outcome.session);
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/compte'));
	}
};
