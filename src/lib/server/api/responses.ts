import { json } from '@sveltejs/kit';

/** The API is open: any site may call it, without credentials. */
export const CORS_HEADERS = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, POST, OPTIONS',
	'access-control-allow-headers': 'content-type',
	'access-control-max-age': '86400'
} as const;

export function apiJson(data: unknown, init: { status?: number; cache?: boolean } = {}): Response {
	return json(data, {
		status: init.status ?? 200,
		headers: { ...CORS_HEADERS, 'cache-control': init.cache ? 'public, max-age=300' : 'no-store' }
	});
}

export type ApiErrorCode =
	| 'not_found'
	| 'empty_body'
	| 'invalid_json'
	| 'unsupported_media_type'
	| 'payload_too_large'
	| 'invalid_input';

/** `{ "error": { "code", "message", "field"? } }` — field is a dotted path into the request body. */
export function apiError(status: number, code: ApiErrorCode, message: string, field?: string): Response {
	return apiJson({ error: field === undefined ? { code, message } : { code, message, field } }, { status });
}

export function preflight(): Response {
	return new Response(null, { status: 204, headers: CORS_HEADERS });
}
