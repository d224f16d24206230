import { fail } from '@sveltejs/kit';
import { formatDate } from '$lib/labels';
import { listAccountResults } from '$lib/server/account-space';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import {
	leaveCohort,
	listAuditAboutStudent,
	listSharedNotesAboutStudent,
	listStudentCohorts
} from '$lib/server/db/repositories/cohorts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user } = requireUser(event);
	const db = getDb();
	const views = listAuditAboutStudent(db, user.id);
	return {
		identifier: user.identifier,
		student: user.role === 'student',
		joined: event.url.searchParams.get('rejoint') === '1',
		results: listAccountResults(user.id).map((result) => ({
			...result,
			date: formatDate(result.createdAt)
		})),
		cohorts: listStudentCohorts(db, user.id).map((cohort) => ({
			id: cohort.id,
			name: cohort.name,
			groupLabel: cohort.groupLabel,
			counsellor: cohort.counsellor,
			archived: cohort.archivedAt !== null,
			joined: formatDate(cohort.joinedAt, { dateStyle: 'long' })
		})),
		sharedNotes: listSharedNotesAboutStudent(db, user.id).map((note) => ({
			body: note.body,
			author: note.author,
			date: formatDate(note.updatedAt)
		})),
		views: {
			count: views.length,
			last: views[0] ? formatDate(views[0].at) : null,
			recent: views.slice(0, 10).map((v) => ({ ...v, at: formatDate(v.at) }))
		}
	};
};

export const actions: Actions = {
	/** Leaving takes effect at once: the next request of the counsellor finds no membership. */
	leave: async (event) => {
		const { user } = requireUser(event);
		const cohortId = (await event.request.formData()).get('cohortId');
		if (typeof cohortId !== 'string' || !leaveCohort(getDb(), cohortId, user.id))
			return fail(404, { leaveError: true });
		return { left: true };
	}
};
