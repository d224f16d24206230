import { error } from '@sveltejs/kit';
import { getCatalogue } from '$lib/server/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const catalogue = getCatalogue();
	const training = catalogue.trainingBySlug.get(params.slug);
	if (!training) error(404, { message: 'Formation introuvable' });
	return {
		training,
		careers: training.careers.flatMap((slug) => {
			const career = catalogue.careerBySlug.get(slug);
			return career ? [{ slug, title: career.title, hook: career.hook }] : [];
		})
	};
};
