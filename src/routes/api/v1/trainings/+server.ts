import { apiError, apiJson, preflight } from '$lib/server/api/responses';
import { getCatalogue } from '$lib/server/catalog';
import {
	filterTrainings,
	invalidTrainingFilterParams,
	parseTrainingFilters
} from '$lib/server/catalog/directory';
import type { RequestHandler } from './$types';

/** Trainings, filtered by the same query parameters as the /formations page; an unknown value is a 400. */
export const GET: RequestHandler = async ({ url }) => {
	const catalogue = await getCatalogue();
	const filters = parseTrainingFilters(url.searchParams, [...catalogue.careerBySlug.keys()]);
	const invalid = invalidTrainingFilterParams(url.searchParams, filters);
	if (invalid.length > 0) {
		return apiError(
			400,
			'invalid_input',
			`Unknown value "${url.searchParams.get(invalid[0]!)}".`,
			invalid[0]
		);
	}
	return apiJson(filterTrainings(catalogue, filters), { cache: true });
};

export const OPTIONS: RequestHandler = preflight;
