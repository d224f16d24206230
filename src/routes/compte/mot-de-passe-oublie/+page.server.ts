import { redirect } from '@sveltejs/kit';
import { passwordResetForm } from '$lib/server/accounts/forms';
import { resetForgottenPasswordThrottled } from '$lib/server/accounts/password-reset';
import { readForm, refuse } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Whoever gave their password already changes it on their account (after the second factor, if due). */
function sendOnIfSignedIn({ locals }: Pick<RequestEvent, 'locals'>): void {
	if (locals.pendingSecondFactor)
		redirect(303, '/compte/double-authentification?redirectTo=%2Fcompte%2Fmot-de-passe');
	if (locals.user) redirect(303, '/compte/mot-de-passe');
}

export const load: PageServerLoad = (event) => {
	sendOnIfSignedIn(event);
};

export const actions: Actions = {
	default: async (event) => {
		sendOnIfSignedIn(event);
		const input = await readForm(event.request, passwordResetForm);
		if (!input.ok) return input.failure;
		const outcome = await resetForgottenPasswordThrottled(input.data);
		if (!outcome.ok) return refuse(outcome.status, input.values, outcome.errors, outcome.message);
		redirect(303, '/compte/connexion?mot-de-passe=nouveau');
	}
};
