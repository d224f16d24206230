import { formatDate } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { notTheirs, requireCounsellor } from '$lib/server/auth/guards';
import { auditedStudentFile } from '$lib/server/cohorts/counsellor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireCounsellor(event);
	const file = await auditedStudentFile(user, event.params.id, 'student_printed');
	if (!file) notTheirs(event, m.error_student_not_found());
	return { ...file, printedOn: formatDate(new Date(), { dateStyle: 'long' }) };
};
