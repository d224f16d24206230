import { z } from 'zod';
import {
	profileFromValues,
	RIASEC_IDS,
	SKILL_IDS,
	type Answers,
	type PartialProfileInput,
	type Profile
} from '$lib/engine';

const level = z
	.number({ error: 'must be a number between 0 and 1' })
	.min(0, 'must be ≥ 0')
	.max(1, 'must be ≤ 1');

const answersSchema = z.record(
	z.string(),
	z
		.number({ error: 'must be an integer from 1 to 5' })
		.int('must be an integer from 1 to 5')
		.min(1, 'must be an integer from 1 to 5')
		.max(5, 'must be an integer from 1 to 5')
);

const profileSchema = z.strictObject({
	riasec: z.strictObject(Object.fromEntries(RIASEC_IDS.map((id) => [id, level.optional()]))).optional(),
	skills: z.strictObject(Object.fromEntries(SKILL_IDS.map((id) => [id, level.optional()]))).optional()
});

export type MatchInput = { kind: 'answers'; answers: Answers } | { kind: 'profile'; profile: Profile };
export type MatchInputParse = { ok: true; input: MatchInput } | { ok: false; field: string; message: string };

function fail(field: string, message: string): MatchInputParse {
	return { ok: false, field, message };
}

/**
 * Validates a POST /match body, returning the first problem with the dotted path of the field at fault.
 * The envelope is checked by hand so that each mistake gets its own message; the values by a schema.
 */
export function parseMatchInput(body: unknown, knownQuestionIds: ReadonlySet<string>): MatchInputParse {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return fail('', 'The body must be a JSON object with either "answers" or "profile".');
	}
	const keys = Object.keys(body);
	const hasAnswers = keys.includes('answers');
	const hasProfile = keys.includes('profile');
	if (hasAnswers === hasProfile) {
		return fail(hasAnswers ? 'profile' : 'answers', 'Give exactly one of "answers" or "profile".');
	}
	const unexpected = keys.find((key) => key !== 'answers' && key !== 'profile');
	if (unexpected) return fail(unexpected, 'Unknown field.');

	const part = (body as Record<string, unknown>)[hasAnswers ? 'answers' : 'profile'];
	if (typeof part !== 'object' || part === null || Array.isArray(part)) {
		return fail(hasAnswers ? 'answers' : 'profile', 'Must be a JSON object.');
	}
	if (hasAnswers) {
		const unknown = Object.keys(part).find((id) => !knownQuestionIds.has(id));
		if (unknown !== undefined) return fail(`answers.${unknown}`, 'Unknown question id.');
	}

	const parsed = hasAnswers ? answersSchema.safeParse(part) : profileSchema.safeParse(part);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const path = [hasAnswers ? 'answers' : 'profile', ...issue.path.map(String)];
		if (issue.code === 'unrecognized_keys') {
			return fail(
				[...path, issue.keys[0] ?? ''].join('.'),
				path.length === 2 ? 'Unknown dimension id.' : 'Unknown field.'
			);
		}
		return fail(path.join('.'), issue.message);
	}
	if (hasAnswers) {
		const answers = parsed.data as Answers;
		if (Object.keys(answers).length === 0) return fail('answers', 'Give at least one answer.');
		return { ok: true, input: { kind: 'answers', answers } };
	}
	const values = parsed.data as PartialProfileInput;
	if (Object.keys({ ...values.riasec, ...values.skills }).length === 0) {
		return fail('profile', 'Give at least one dimension.');
	}
	return { ok: true, input: { kind: 'profile', profile: profileFromValues(values) } };
}
