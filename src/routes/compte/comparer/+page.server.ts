import { requireUser } from '$lib/server/auth/guards';
import { compareUserResults } from '$lib/server/results/compare';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	return compareUserResults(user.id, event.url.searchParams);
};
