import { m } from '$lib/paraglide/messages';
import { notTheirs, requireCounsellor } from '$lib/server/auth/guards';
import { auditedCohortCsv } from '$lib/server/cohorts/counsellor';
import type { RequestHandler } from './$types';

/** The cohort as a CSV download; only for the cohort's own counsellor. */
export const GET: RequestHandler = async (event) => {
	const { user } = requireCounsellor(event);
	const file = await auditedCohortCsv(user, event.params.id);
	// The hook marks every signed-in answer private, no-store: the CSV too.
	if (!file) notTheirs(event, m.error_cohort_not_found());
	const slug =
		file.name
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'cohorte';
	return new Response(file.csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="boussole-${slug}-${file.day}.csv"`
		}
	});
};
