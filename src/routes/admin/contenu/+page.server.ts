import { isKindSegment, KIND_SEGMENTS } from '$lib/admin/content-kinds';
import { listRecords } from '$lib/server/admin/content';
import { requireEditor } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireEditor(event);
	const param = event.url.searchParams.get('type');
	const segment = isKindSegment(param) ? param : 'metiers';
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 100);
	const { version, drafts, rows } = await listRecords(KIND_SEGMENTS[segment], q);
	return { segment, kind: KIND_SEGMENTS[segment], q, version, drafts, rows };
};
