import { m } from '$lib/paraglide/messages';
import { notTheirs, requireCounsellor } from '$lib/server/auth/guards';
import { auditedStudentComparison } from '$lib/server/cohorts/counsellor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireCounsellor(event);
	const comparison = await auditedStudentComparison(user, event.params.id, event.url.searchParams);
	if (!comparison) notTheirs(event, m.error_student_not_found());
	return comparison;
};
