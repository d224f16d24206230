import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { checkJoin, joinWithCode } from '$lib/server/cohorts/membership';
import type { Actions, PageServerLoad } from './$types';

/** Step 1: the code (typed on /compte or from a link) → the consent screen naming the cohort. */
export const load: PageServerLoad = (event) => {
	const { user } = requireUser(event);
	const code = event.url.searchParams.get('code');
	if (code === null) return { code: '', cohort: null, error: null };
	const check = checkJoin(user, code);
	if (!check.ok) return { code, cohort: null, error: check.message };
	return {
		code: check.code,
		cohort: {
			name: check.cohort.name,
			groupLabel: check.cohort.groupLabel,
			counsellor: check.cohort.counsellor
		},
		error: null
	};
};

export const actions: Actions = {
	/** Step 2: the student confirms; the code is checked again (it may have been rotated meanwhile). */
	default: async (event) => {
		const { user } = requireUser(event);
		const input = (await event.request.formData()).get('code');
		const code = typeof input === 'string' ? input.slice(0, 32) : '';
		const joined = joinWithCode(user, code);
		if (!joined.ok) return fail(joined.status, { error: joined.message, code });
		redirect(303, '/compte?rejoint=1');
	}
};
