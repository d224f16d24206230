import { readJsonBody } from '$lib/server/api/body';
import { parseMatchInput } from '$lib/server/api/match-input';
import { apiError, apiJson, preflight } from '$lib/server/api/responses';
import { matchesJson } from '$lib/server/api/serialize';
import { getCatalogue } from '$lib/server/catalog';
import { rankAnswers, rankProfile } from '$lib/server/results/matching';
import type { RequestHandler } from './$types';

/** Ranks every career for the given answers or profile. Stateless: nothing is stored. */
export const POST: RequestHandler = async ({ request }) => {
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;

	const catalogue = await getCatalogue();
	const parsed = parseMatchInput(body.value, new Set(catalogue.questionById.keys()));
	if (!parsed.ok) return apiError(400, 'invalid_input', parsed.message, parsed.field);

	const ranking =
		parsed.input.kind === 'answers'
			? rankAnswers(catalogue, parsed.input.answers)
			: rankProfile(catalogue, parsed.input.profile);
	return apiJson({
		engineVersion: ranking.engineVersion,
		catalogueVersion: catalogue.version,
		profile: ranking.profile,
		quality: ranking.quality,
		matches: matchesJson(catalogue, ranking.matches)
	});
};

export const OPTIONS: RequestHandler = preflight;
