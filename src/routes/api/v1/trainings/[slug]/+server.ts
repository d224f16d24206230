import { apiError, apiJson, preflight } from '$lib/server/api/responses';
import { getCatalogue } from '$lib/server/catalog';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const training = (await getCatalogue()).trainingBySlug.get(params.slug);
	if (!training) return apiError(404, 'not_found', `No training with slug "${params.slug}".`);
	return apiJson(training, { cache: true });
};

export const OPTIONS: RequestHandler = preflight;
