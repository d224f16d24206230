import { z } from 'zod';
import { accountOverview } from '$lib/server/accounts/accounts';
import { requireUser } from '$lib/server/auth/guards';
import { leaveCohortOf } from '$lib/server/cohorts/membership';
import { defineForm, readForm, refuse } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	return {
		...(await accountOverview(user)),
		joined: event.url.searchParams.get('rejoint') === '1'
	};
};

const leaveForm = defineForm(z.object({ cohortId: z.string() }));

export const actions: Actions = {
	/** Leaving takes effect at once: the next request of the counsellor finds no membership. */
	leave: async (event) => {
		const { user } = requireUser(event);
		const input = await readForm(event.request, leaveForm);
		if (!input.ok) return input.failure;
		if (!(await leaveCohortOf(user, input.data.cohortId)))
			return refuse(404, input.values, {}, m.account_leave_error());
		return { left: true };
	}
};
