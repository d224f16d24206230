import type { Handle, RequestEvent } from '@sveltejs/kit';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { cookieName, type BearerCookie } from './auth/cookies';

/**
 * Public pages, rendered once for every visitor who has nothing of their own on them. A visitor with no session,
 * no quiz and no result (no bearer cookie at all) sees the same `/metiers/developpeur-back-end` as every other:
 * that rendering is kept, keyed by what it depends on — path and sorted query, language, catalogue version — and
 * served again as it was, headers included. Anyone with a bearer cookie is rendered as before, and never given a
 * kept page; a kept page never carries a cookie. A new catalogue version changes the key, so a change published by
 * any process is served on the next request. The Content-Security-Policy uses hashes (`kit.csp.mode`), not a
 * per-request nonce, so a kept page and its header stay valid.
 */

/** The pages and catalogue API whose anonymous rendering is the same for everyone. */
const PUBLIC_PATHS = [
	/^\/$/,
	/^\/(metiers|formations)(\/[a-z0-9-]+)?$/,
	/^\/(methodologie|confidentialite)$/,
	/^\/api\/v1\/(careers|trainings)(\/[a-z0-9-]+)?$/,
	/^\/api\/v1\/(questions|openapi\.json)$/
];

/** Both bearer cookies, under their plain and their `__Host-` names: any of them makes a request personal. */
const BEARER_COOKIE_NAMES = (['boussole_session', 'boussole_owner'] satisfies BearerCookie[]).flatMap(
	(base) => [base, cookieName(base, new URL('https://boussole.invalid'))]
);

/** Entries kept at most: `?q=` takes any value, so the cache is bounded, least recently used out first. */
export const RENDER_CACHE_ENTRIES = 500;

/** The anonymous HTML variant may be kept by browsers and shared caches, as long as they check it first. */
const HTML_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

interface Kept {
	status: number;
	headers: [string, string][];
	body: ArrayBuffer;
	etag: string;
}

export interface RenderCacheOptions {
	/** The catalogue version now (one small query): part of every key. */
	catalogueVersion: () => Promise<number>;
	/** The language this request will be answered in. */
	locale: (request: Request) => string;
	maxEntries?: number;
}

/** What the rendering depends on: the catalogue version, the language, the path and the sorted query. */
function keyOf(event: RequestEvent, locale: string, version: number): string {
	const query = [...event.url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `${version} ${locale} ${event.url.pathname}?${new URLSearchParams(query)}`;
}

function cacheable(event: RequestEvent): boolean {
	return (
		event.request.method === 'GET' &&
		// A client-side navigation's data (`__data.json`) comes with the page's own URL in `event.url`.
		!event.isDataRequest &&
		!event.isSubRequest &&
		PUBLIC_PATHS.some((path) => path.test(event.url.pathname)) &&
		BEARER_COOKIE_NAMES.every((name) => event.cookies.get(name) === undefined)
	);
}

function serve(kept: Kept, request: Request): Response {
	const headers = new Headers(kept.headers);
	headers.set('x-render-cache', 'hit');
	if (request.headers.get('if-none-match') === kept.etag)
		return new Response(null, { status: 304, headers: notModifiedHeaders(headers) });
	return new Response(kept.body, { status: kept.status, headers });
}

/** A 304 carries what a cache needs to reuse its copy, not the body's own headers. */
function notModifiedHeaders(headers: Headers): Headers {
	const kept = new Headers();
	for (const name of ['etag', 'cache-control', 'vary', 'x-render-cache'])
		if (headers.has(name)) kept.set(name, headers.get(name)!);
	return kept;
}

export function renderCache(options: RenderCacheOptions): Handle {
	const maxEntries = options.maxEntries ?? RENDER_CACHE_ENTRIES;
	// A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
	const entries = new Map<string, Kept>();

	return async ({ event, resolve }) => {
		if (!cacheable(event)) return resolve(event);
		const key = keyOf(event, options.locale(event.request), await options.catalogueVersion());
		const found = entries.get(key);
		if (found) {
			entries.delete(key);
			entries.set(key, found);
			return serve(found, event.request);
		}
		const response = await resolve(event);
		const type = response.headers.get('content-type') ?? '';
		if (
			response.status !== 200 ||
			response.headers.has('set-cookie') ||
			/no-store|private/.test(response.headers.get('cache-control') ?? '') ||
			!/^(text\/html|application\/json)/.test(type)
		)
			return response;
		const body = await response.arrayBuffer();
		const headers = new Headers(response.headers);
		const etag = `"${encodeBase64urlNoPadding(sha256(new Uint8Array(body))).slice(0, 27)}"`;
		headers.set('etag', etag);
		headers.append('vary', 'Cookie');
		if (type.startsWith('text/html')) headers.set('cache-control', HTML_CACHE_CONTROL);
		const kept: Kept = { status: response.status, headers: [...headers], body, etag };
		entries.set(key, kept);
		if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
		headers.set('x-render-cache', 'miss');
		if (event.request.headers.get('if-none-match') === etag)
			return new Response(null, { status: 304, headers: notModifiedHeaders(headers) });
		return new Response(body, { status: response.status, headers });
	};
}
