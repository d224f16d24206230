import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getCatalogue } from '$lib/server/catalog';
import type { PageServerLoad } from './$types';

/**
 * Nothing on this page runs in the browser (links, forms, server-drawn charts): it is sent without the
 * app's JavaScript (about 75 KB compressed), and a link from it loads the next page whole.
 */
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const catalogue = await getCatalogue();
	const training = catalogue.trainingBySlug.get(params.slug);
	if (!training) error(404, { message: m.error_training_not_found() });
	return {
		training,
		careers: training.careers.flatMap((slug) => {
			const career = catalogue.careerBySlug.get(slug);
			return career ? [{ slug, title: career.title, hook: career.hook }] : [];
		})
	};
};
