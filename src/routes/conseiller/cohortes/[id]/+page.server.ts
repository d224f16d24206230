import { error, fail } from '@sveltejs/kit';
import { currentLocale, formatDate } from '$lib/labels';
import { requireCounsellor } from '$lib/server/auth/guards';
import { getCatalogue } from '$lib/server/catalog';
import { readCohortForm } from '$lib/server/cohorts/input';
import { formatJoinCode, generateJoinCode } from '$lib/server/cohorts/join-code';
import { parseCohortQuery } from '$lib/server/cohorts/view';
import { cohortDashboard } from '$lib/server/counsellor';
import { getDb } from '$lib/server/db';
import {
	findCounsellorCohort,
	rotateJoinCode,
	updateCounsellorCohort
} from '$lib/server/db/repositories/cohorts';
import type { Actions, PageServerLoad } from './$types';

function notFound(): never {
	error(404, { message: 'Cohorte introuvable' });
}

export const load: PageServerLoad = (event) => {
	const { user } = requireCounsellor(event);
	const catalogue = getCatalogue();
	const query = parseCohortQuery(
		event.url.searchParams,
		catalogue.families.map((f) => f.id)
	);
	const dashboard = cohortDashboard(user, event.params.id, query);
	if (!dashboard) notFound();
	const { cohort } = dashboard;
	const day = { dateStyle: 'medium' } as const;
	const locale = currentLocale();
	return {
		cohort: {
			id: cohort.id,
			name: cohort.name,
			groupLabel: cohort.groupLabel,
			code: formatJoinCode(cohort.joinCode),
			joinLink: `${event.url.origin}/compte/rejoindre?code=${formatJoinCode(cohort.joinCode)}`,
			archived: cohort.archivedAt !== null
		},
		created: event.url.searchParams.get('cree') === '1',
		overview: dashboard.overview,
		families: catalogue.families.map((f) => ({ id: f.id, name: f.name[locale] })),
		query,
		students: dashboard.page.map((row) => ({
			id: row.id,
			identifier: row.identifier,
			joined: formatDate(row.joinedAt, day),
			lastActivity: row.lastActivity ? formatDate(row.lastActivity, day) : null,
			status: row.status,
			top: row.top,
			support: row.support,
			familyBest: row.familyBest
		})),
		matching: dashboard.matching,
		pages: dashboard.pages,
		pageNumber: dashboard.pageNumber
	};
};

/** Every action changes the counsellor's own cohort only: another cohort id is a 404, as for reading. */
function cohortAction(
	change: (form: FormData) => Parameters<typeof updateCounsellorCohort>[3] | { invalid: object }
) {
	return async (event: Parameters<Actions[string]>[0]) => {
		const { user } = requireCounsellor(event);
		const db = getDb();
		if (!findCounsellorCohort(db, event.params.id!, user.id)) notFound();
		const result = change(await event.request.formData());
		if ('invalid' in result) return fail(400, result.invalid);
		if (!updateCounsellorCohort(db, event.params.id!, user.id, result)) notFound();
		return { done: true };
	};
}

export const actions: Actions = {
	rename: cohortAction((form) => {
		const input = readCohortForm(form);
		return input.ok ? input.value : { invalid: { values: input.values, errors: input.errors } };
	}),
	rotate: async (event) => {
		const { user } = requireCounsellor(event);
		if (!rotateJoinCode(getDb(), event.params.id, user.id, generateJoinCode)) notFound();
		return { done: true };
	},
	archive: cohortAction(() => ({ archivedAt: new Date() })),
	unarchive: cohortAction(() => ({ archivedAt: null }))
};
