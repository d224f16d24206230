import { redirect } from '@sveltejs/kit';
import { requireCounsellor } from '$lib/server/auth/guards';
import { cohortForm } from '$lib/server/cohorts/input';
import { createMyCohort, listMyCohorts } from '$lib/server/cohorts/manage';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireCounsellor(event);
	return { identifier: user.identifier, cohorts: await listMyCohorts(user) };
};

export const actions: Actions = {
	create: async (event) => {
		const { user } = requireCounsellor(event);
		const input = await readForm(event.request, cohortForm);
		if (!input.ok) return input.failure;
		const id = await createMyCohort(user, input.data);
		redirect(303, `/conseiller/cohortes/${id}?cree=1`);
	}
};
