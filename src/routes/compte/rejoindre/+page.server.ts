import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser } from '$lib/server/auth/guards';
import { checkJoinCodeThrottled, joinCohortThrottled } from '$lib/server/cohorts/membership';
import { defineForm, readForm, refuse } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** Step 1: the code (typed on /compte or from a link) → the consent screen naming the cohort. */
export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const code = event.url.searchParams.get('code');
	if (code === null) return { code: '', cohort: null, error: null };
	const check = await checkJoinCodeThrottled(user, code);
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

const joinForm = defineForm(z.object({ code: z.string().transform((code) => code.slice(0, 32)) }));

export const actions: Actions = {
	/** Step 2: the student confirms; the code is checked again (it may have been rotated meanwhile). */
	default: async (event) => {
		const { user } = requireUser(event);
		const input = await readForm(event.request, joinForm);
		if (!input.ok) return input.failure;
		const joined = await joinCohortThrottled(user, input.data.code);
		if (!joined.ok) return refuse(joined.status, input.values, {}, joined.message);
		redirect(303, '/compte?rejoint=1');
	}
};
