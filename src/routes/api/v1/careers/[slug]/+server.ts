import { apiError, apiJson, preflight } from '$lib/server/api/responses';
import { careerDetail } from '$lib/server/api/serialize';
import { getCatalogue } from '$lib/server/catalog';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const catalogue = await getCatalogue();
	const career = catalogue.careerBySlug.get(params.slug);
	if (!career) return apiError(404, 'not_found', `No career with slug "${params.slug}".`);
	return apiJson(careerDetail(catalogue, career), { cache: true });
};

export const OPTIONS: RequestHandler = preflight;
