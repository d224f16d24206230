import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { previewCatalogue } from '$lib/server/admin/content';
import { requireEditor } from '$lib/server/auth/guards';
import { trainingPageData } from '$lib/server/catalog/pages';
import type { PageServerLoad } from './$types';

export const csr = false;

/** The public training page, drawn from the published catalogue with every draft laid over it. */
export const load: PageServerLoad = async (event) => {
	requireEditor(event);
	const page = trainingPageData(await previewCatalogue(), event.params.slug);
	if (!page) error(404, { message: m.error_training_not_found() });
	return { ...page, back: `/admin/contenu/formations/${event.params.slug}` };
};
