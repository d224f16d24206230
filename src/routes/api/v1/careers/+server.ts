import { apiJson, preflight } from '$lib/server/api/responses';
import { careerSummary } from '$lib/server/api/serialize';
import { getCatalogue } from '$lib/server/catalog';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const catalogue = await getCatalogue();
	return apiJson(
		catalogue.careers.map((career) => careerSummary(catalogue, career)),
		{ cache: true }
	);
};

export const OPTIONS: RequestHandler = preflight;
