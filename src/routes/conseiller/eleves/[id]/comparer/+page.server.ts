import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireCounsellor } from '$lib/server/auth/guards';
import { auditedStudentComparison } from '$lib/server/cohorts/counsellor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireCounsellor(event);
	const comparison = await auditedStudentComparison(user, event.params.id, event.url.searchParams);
	if (!comparison) error(404, { message: m.error_student_not_found() });
	return comparison;
};
