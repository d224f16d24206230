import { currentLocale } from '$lib/labels';
import { getCatalogue } from '$lib/server/catalog';
import {
	filterCareers,
	parseCareerFilters,
	shortestTrainingMonths,
	studiesParam
} from '$lib/server/catalog/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const catalogue = await getCatalogue();
	const locale = currentLocale();
	const filters = parseCareerFilters(
		url.searchParams,
		catalogue.families.map((f) => f.id)
	);
	const familyName = new Map(catalogue.families.map((f) => [f.id, f.name[locale]]));
	const active =
		filters.q !== '' ||
		filters.family !== null ||
		filters.salary !== null ||
		filters.training !== null ||
		filters.remote !== null ||
		filters.studies !== null;
	return {
		filters: { ...filters, studies: filters.studies && studiesParam(filters.studies) },
		active,
		total: catalogue.careers.length,
		families: catalogue.families.map((f) => ({ id: f.id, name: f.name[locale] })),
		careers: filterCareers(catalogue, filters).map((career) => ({
			slug: career.slug,
			title: career.title,
			hook: career.hook,
			familyId: career.familyId,
			family: familyName.get(career.familyId) ?? '',
			salary: career.profile.salary.confirmed,
			remote: career.profile.workplaces.remote,
			entryLevel: career.entryLevel,
			shortestTraining: shortestTrainingMonths(catalogue, career.slug)
		}))
	};
};
