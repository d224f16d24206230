import { apiJson, preflight } from '$lib/server/api/responses';
import { getCatalogue } from '$lib/server/catalog';
import type { RequestHandler } from './$types';

/** The method is open: every question with its loadings, in the order the quiz asks them. */
export const GET: RequestHandler = async () =>
	apiJson(
		(await getCatalogue()).questions.map((question) => ({
			id: question.id,
			text: question.text.fr,
			textEn: question.text.en,
			loadings: question.loadings
		})),
		{ cache: true }
	);

export const OPTIONS: RequestHandler = preflight;
