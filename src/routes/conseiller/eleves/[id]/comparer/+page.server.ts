import { error } from '@sveltejs/kit';
import { requireCounsellor } from '$lib/server/auth/guards';
import { studentComparison } from '$lib/server/counsellor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user } = requireCounsellor(event);
	const comparison = studentComparison(user, event.params.id, event.url.searchParams);
	if (!comparison) error(404, { message: 'Élève introuvable' });
	return comparison;
};
