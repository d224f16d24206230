import { formatDate } from '$lib/labels';
import { catalogueTrail, listVersions } from '$lib/server/admin/content';
import { requireEditor } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireEditor(event);
	const [versions, trail] = await Promise.all([listVersions(), catalogueTrail()]);
	return {
		versions: versions.map((version) => ({
			...version,
			createdAt: formatDate(version.createdAt, { dateStyle: 'medium', timeStyle: 'short' })
		})),
		trail: trail.map((entry) => ({
			...entry,
			at: formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })
		}))
	};
};
