import { changePasswordThrottled } from '$lib/server/accounts/accounts';
import { passwordChangeForm } from '$lib/server/accounts/forms';
import { requireUser } from '$lib/server/auth/guards';
import { readForm, refuse } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
};

export const actions: Actions = {
	default: async (event) => {
		const { user, session } = requireUser(event);
		const input = await readForm(event.request, passwordChangeForm(user.identifier));
		if (!input.ok) return input.failure;
		const outcome = await changePasswordThrottled(user, session, input.data);
		if (!outcome.ok) return refuse(outcome.status, input.values, outcome.errors, outcome.message);
		return { done: true };
	}
};
