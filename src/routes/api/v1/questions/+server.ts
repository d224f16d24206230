import { apiJson, preflight } from '$lib/server/api/responses';
import { questionJson } from '$lib/server/api/serialize';
import { getCatalogue } from '$lib/server/catalog';
import type { RequestHandler } from './$types';

/** The method is open: every question with its loadings, in the order the quiz asks them. */
export const GET: RequestHandler = async () =>
	apiJson((await getCatalogue()).questions.map(questionJson), { cache: true });

export const OPTIONS: RequestHandler = preflight;
