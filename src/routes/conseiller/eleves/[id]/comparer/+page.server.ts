import { error } from '@sveltejs/kit';
import { requireCounsellor } from '$lib/server/auth/guards';
import { compareUserResults } from '$lib/server/compare-results';
import { getDb } from '$lib/server/db';
import { counsellorCanSeeStudent, recordAudit } from '$lib/server/db/repositories/cohorts';
import { findUserById } from '$lib/server/db/repositories/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user } = requireCounsellor(event);
	const db = getDb();
	const student = counsellorCanSeeStudent(db, user.id, event.params.id)
		? findUserById(db, event.params.id)
		: null;
	if (!student) error(404, { message: 'Élève introuvable' });
	recordAudit(db, [{ actorId: user.id, action: 'student_viewed', studentId: student.id }]);
	event.setHeaders({ 'cache-control': 'private, no-store' });
	return {
		student: { id: student.id, identifier: student.identifier },
		...compareUserResults(student.id, event.url.searchParams)
	};
};
