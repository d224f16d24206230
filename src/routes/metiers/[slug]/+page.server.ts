import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getCatalogue } from '$lib/server/catalog';
import { careerPageData } from '$lib/server/catalog/pages';
import { ownerOf } from '$lib/server/quiz/owner';
import { visitorMatch } from '$lib/server/results/results';
import type { PageServerLoad } from './$types';

/**
 * Nothing on this page runs in the browser (links, forms, server-drawn charts): it is sent without the
 * app's JavaScript (about 75 KB compressed), and a link from it loads the next page whole.
 */
export const csr = false;

export const load: PageServerLoad = async ({ params, cookies, locals, url }) => {
	const catalogue = await getCatalogue();
	if (!catalogue.careerBySlug.has(params.slug)) error(404, { message: m.error_career_not_found() });
	const yourMatch = await visitorMatch(ownerOf({ cookies, locals, url }), params.slug);
	return careerPageData(catalogue, params.slug, url.origin, yourMatch)!;
};
