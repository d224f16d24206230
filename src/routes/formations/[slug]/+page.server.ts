import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getCatalogue } from '$lib/server/catalog';
import { trainingPageData } from '$lib/server/catalog/pages';
import type { PageServerLoad } from './$types';

/**
 * Nothing on this page runs in the browser (links, forms, server-drawn charts): it is sent without the
 * app's JavaScript (about 75 KB compressed), and a link from it loads the next page whole.
 */
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const page = trainingPageData(await getCatalogue(), params.slug);
	if (!page) error(404, { message: m.error_training_not_found() });
	return page;
};
