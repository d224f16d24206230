import { formatDate } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { notTheirs, requireCounsellor } from '$lib/server/auth/guards';
import { auditedCohortDashboard } from '$lib/server/cohorts/counsellor';
import { cohortForm } from '$lib/server/cohorts/input';
import { formatJoinCode } from '$lib/server/cohorts/join-code';
import { archiveCohort, findMyCohort, renameCohort, rotateCohortCode } from '$lib/server/cohorts/manage';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

function notFound(event: Parameters<typeof notTheirs>[0]): never {
	notTheirs(event, m.error_cohort_not_found());
}

export const load: PageServerLoad = async (event) => {
	const { user } = requireCounsellor(event);
	const dashboard = await auditedCohortDashboard(user, event.params.id, event.url.searchParams);
	if (!dashboard) notFound(event);
	const { cohort } = dashboard;
	const day = { dateStyle: 'medium' } as const;
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
		families: dashboard.families,
		query: dashboard.query,
		students: dashboard.page.map((row) => ({
			id: row.id,
			identifier: row.identifier,
			joined: formatDate(row.joinedAt, day),
			lastActivity: row.lastActivity ? formatDate(row.lastActivity, day) : null,
			status: row.status,
			top: row.top,
			support: row.support,
			asked: row.asked,
			familyBest: row.familyBest
		})),
		matching: dashboard.matching,
		pages: dashboard.pages,
		pageNumber: dashboard.pageNumber
	};
};

/** Every action changes the counsellor's own cohort only: another cohort id is a 404, as for reading. */
export const actions: Actions = {
	rename: async (event) => {
		const { user } = requireCounsellor(event);
		if (!(await findMyCohort(user, event.params.id))) notFound(event);
		const input = await readForm(event.request, cohortForm);
		if (!input.ok) return input.failure;
		if (!(await renameCohort(user, event.params.id, input.data))) notFound(event);
		return { done: true };
	},
	rotate: async (event) => {
		const { user } = requireCounsellor(event);
		if (!(await rotateCohortCode(user, event.params.id))) notFound(event);
		return { done: true };
	},
	archive: async (event) => {
		const { user } = requireCounsellor(event);
		if (!(await archiveCohort(user, event.params.id, true))) notFound(event);
		return { done: true };
	},
	unarchive: async (event) => {
		const { user } = requireCounsellor(event);
		if (!(await archiveCohort(user, event.params.id, false))) notFound(event);
		return { done: true };
	}
};
