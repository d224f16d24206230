import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { previewCatalogue } from '$lib/server/admin/content';
import { requireEditor } from '$lib/server/auth/guards';
import { careerPageData } from '$lib/server/catalog/pages';
import type { PageServerLoad } from './$types';

export const csr = false;

/** The public career page, drawn from the published catalogue with every draft laid over it. */
export const load: PageServerLoad = async (event) => {
	requireEditor(event);
	const page = careerPageData(await previewCatalogue(), event.params.slug, event.url.origin, null);
	if (!page) error(404, { message: m.error_career_not_found() });
	return { ...page, back: `/admin/contenu/metiers/${event.params.slug}` };
};
