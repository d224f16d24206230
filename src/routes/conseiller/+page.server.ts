import { fail, redirect } from '@sveltejs/kit';
import { formatDate } from '$lib/labels';
import { requireCounsellor } from '$lib/server/auth/guards';
import { readCohortForm } from '$lib/server/cohorts/input';
import { formatJoinCode, generateJoinCode } from '$lib/server/cohorts/join-code';
import { getDb } from '$lib/server/db';
import { createCohort, listCounsellorCohorts } from '$lib/server/db/repositories/cohorts';
import { generateId } from '$lib/server/ids';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user } = requireCounsellor(event);
	const cohorts = listCounsellorCohorts(getDb(), user.id).map((cohort) => ({
		id: cohort.id,
		name: cohort.name,
		groupLabel: cohort.groupLabel,
		code: formatJoinCode(cohort.joinCode),
		archived: cohort.archivedAt !== null,
		created: formatDate(cohort.createdAt, { dateStyle: 'long' }),
		members: cohort.members,
		finished: cohort.finished
	}));
	return { identifier: user.identifier, cohorts };
};

export const actions: Actions = {
	create: async (event) => {
		const { user } = requireCounsellor(event);
		const input = readCohortForm(await event.request.formData());
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		const id = generateId();
		createCohort(getDb(), { id, counsellorId: user.id, ...input.value }, generateJoinCode);
		redirect(303, `/conseiller/cohortes/${id}?cree=1`);
	}
};
