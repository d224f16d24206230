import { getCatalogue } from '$lib/server/catalog';
import { filterTrainings, parseTrainingFilters } from '$lib/server/catalog/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const catalogue = await getCatalogue();
	const filters = parseTrainingFilters(url.searchParams, [...catalogue.careerBySlug.keys()]);
	const present = <T>(values: T[]) => [...new Set(values)];
	return {
		filters,
		total: catalogue.trainings.length,
		options: {
			kinds: present(catalogue.trainings.map((t) => t.kind)),
			levels: present(
				catalogue.trainings.map((t) => t.level.bac).filter((l): l is number => l !== null)
			).sort((a, b) => a - b),
			careers: [...catalogue.careers]
				.sort((a, b) => a.title.localeCompare(b.title, 'fr'))
				.map(({ slug, title }) => ({ slug, title }))
		},
		trainings: filterTrainings(catalogue, filters).map((training) => ({
			slug: training.slug,
			name: training.name,
			kind: training.kind,
			track: training.track,
			durationMonths: training.durationMonths,
			level: training.level,
			formats: training.formats,
			financing: training.financing,
			summary: training.summary,
			careers: training.careers.map((slug) => ({
				slug,
				title: catalogue.careerBySlug.get(slug)?.title ?? slug
			}))
		}))
	};
};
