import { adaptiveStep } from '$lib/engine';
import { readJsonBody } from '$lib/server/api/body';
import { parseMatchInput } from '$lib/server/api/match-input';
import { apiError, apiJson, preflight } from '$lib/server/api/responses';
import { matchesJson, questionJson } from '$lib/server/api/serialize';
import { getCatalogue } from '$lib/server/catalog';
import { explainFirst } from '$lib/server/results/matching';
import type { RequestHandler } from './$types';

/** How many careers the answer lists, as the top of `/match`. */
const TOP = 5;

/**
 * The adaptive quiz for any client, stateless: the client sends every answer so far and receives the next
 * question (with the rest of its page), or `done`, and the top of the ranking so far. Nothing is stored.
 */
export const POST: RequestHandler = async ({ request }) => {
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const catalogue = await getCatalogue();
	const value = body.value as Record<string, unknown> | null;
	// The first call has no answers yet: `{}` or `{ "answers": {} }`.
	const empty =
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		(Object.keys(value).length === 0 ||
			(Object.keys(value).length === 1 &&
				typeof value.answers === 'object' &&
				value.answers !== null &&
				!Array.isArray(value.answers) &&
				Object.keys(value.answers).length === 0));
	const parsed = empty
		? ({ ok: true, input: { kind: 'answers', answers: {} } } as const)
		: parseMatchInput(body.value, new Set(catalogue.questionById.keys()));
	if (!parsed.ok) return apiError(400, 'invalid_input', parsed.message, parsed.field);
	if (parsed.input.kind !== 'answers')
		return apiError(400, 'invalid_input', 'Give "answers": questions are chosen from answers.', 'profile');

	const step = adaptiveStep(catalogue.questions, catalogue.engineCareers, parsed.input.answers);
	const page = step.next.map((question) => questionJson(catalogue.questionById.get(question.id)!));
	return apiJson({
		done: step.done,
		next: page[0] ?? null,
		page,
		asked: step.asked,
		settled: step.settled,
		matches: matchesJson(catalogue, explainFirst(step.ranking, catalogue, TOP).matches.slice(0, TOP))
	});
};

export const OPTIONS: RequestHandler = preflight;
