import { requireUser } from '$lib/server/auth/guards';
import { compareUserResults } from '$lib/server/compare-results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user } = requireUser(event);
	return compareUserResults(user.id, event.url.searchParams);
};
