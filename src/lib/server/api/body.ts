import { apiError } from './responses';

/** Far above any honest request (62 answers ≈ 2 kB), far below what would cost us memory. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * Reads a JSON request body without trusting its announced size: the stream is cut as soon as it passes
 * the limit (→ 413). Empty bodies and bad JSON get a 400 that says which.
 */
export async function readJsonBody(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<JsonBody> {
	const type = request.headers.get('content-type') ?? '';
	if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
		return {
			ok: false,
			response: apiError(
				415,
				'unsupported_media_type',
				'The body must be JSON (Content-Type: application/json).'
			)
		};
	}
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(declared) && declared > limit) return { ok: false, response: tooLarge(limit) };

	const chunks: Uint8Array[] = [];
	let size = 0;
	if (request.body) {
		const reader = request.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				await reader.cancel();
				return { ok: false, response: tooLarge(limit) };
			}
			chunks.push(value);
		}
	}
	const text = Buffer.concat(chunks).toString('utf8');
	if (text.trim() === '')
		return { ok: false, response: apiError(400, 'empty_body', 'The request body is empty.') };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (cause) {
		return {
			ok: false,
			response: apiError(400, 'invalid_json', `The body is not valid JSON: ${(cause as Error).message}`)
		};
	}
}

function tooLarge(limit: number): Response {
	return apiError(413, 'payload_too_large', `The body is larger than ${limit} bytes.`);
}
