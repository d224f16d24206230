import type { Handle, RequestEvent } from '@sveltejs/kit';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { cookieName as LOCALE_COOKIE } from '$lib/paraglide/runtime';
import { cookieName, type BearerCookie } from './auth/cookies';

/**
 * Public pages, rendered once for every visitor who has nothing of their own on them. A visitor with no session,
 * no quiz and no result (no bearer cookie at all) sees the same `/metiers/developpeur-back-end` as every other:
 * that rendering is kept, keyed by what it depends on — path and sorted query, language, catalogue version — and
 * served again as it was, headers included. Anyone with a bearer cookie is rendered as before, and never given a
 * kept page; a kept page never carries a cookie. A new catalogue version changes the key, so a change published by
 * any process is served on the next request. The Content-Security-Policy uses hashes (`kit.csp.mode`), not a
 * per-request nonce, so a kept page and its header stay valid.
 *
 * A kept page is served from two places: first by `server.js`, straight from the Node request, before SvelteKit
 * reads it (the fast path: no Request, no routing, no hooks); and by the `handle` hook behind it, for servers
 * without that front (`vite dev`, `vite preview`). The hook also keeps what it renders.
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

export interface Kept {
	status: number;
	headers: [string, string][];
	body: ArrayBuffer;
	/** Null for a personal page, which no cache keeps (`private, no-store`): nothing to revalidate. */
	etag: string | null;
	/** The body compressed, made the first time a browser takes that encoding, then served as is. */
	encoded: Partial<Record<Encoding, Buffer>>;
	/** What `server.js` writes for each encoding (`identity` uncompressed), made once: headers cost more than the read. */
	node?: Partial<Record<Encoding | 'identity', NodeAnswer>>;
}

interface NodeAnswer {
	etag: string | null;
	headers: Record<string, string>;
	notModified: Record<string, string>;
	body: Buffer;
}

type Encoding = 'br' | 'gzip';

/** Below this, compressing saves less than the headers it adds. */
const COMPRESS_FROM_BYTES = 1024;

/** The best encoding the browser takes (`Accept-Encoding`), or none. */
function encodingFor(accepted: string | undefined): Encoding | null {
	const taken = new Set(
		(accepted ?? '')
			.split(',')
			.map((part) => part.trim().split(/\s*;\s*/))
			.filter(([, ...params]) => !params.some((param) => /^q=0(\.0*)?$/.test(param)))
			.map(([name]) => name!.toLowerCase())
	);
	return taken.has('br') ? 'br' : taken.has('gzip') ? 'gzip' : null;
}

/** The headers and body `server.js` writes for a kept page in an encoding (null: uncompressed), made once. */
function nodeAnswer(kept: Kept, encoding: Encoding | null): NodeAnswer {
	return ((kept.node ??= {})[encoding ?? 'identity'] ??= (() => {
		const body = encoding ? encodedBody(kept, encoding) : Buffer.from(kept.body);
		const etag = encoding && kept.etag ? kept.etag.replace(/"$/, `-${encoding}"`) : kept.etag;
		const { headers } = answer({ ...kept, etag }, null);
		if (etag) headers.set('etag', etag);
		if (encoding) headers.set('content-encoding', encoding);
		headers.set('content-length', String(body.byteLength));
		return {
			etag,
			headers: Object.fromEntries(headers),
			notModified: Object.fromEntries(notModifiedHeaders(headers)),
			body
		};
	})());
}

function encodedBody(kept: Kept, encoding: Encoding): Buffer {
	return (kept.encoded[encoding] ??=
		encoding === 'br'
			? brotliCompressSync(kept.body, {
					params: {
						[constants.BROTLI_PARAM_QUALITY]: 9,
						[constants.BROTLI_PARAM_SIZE_HINT]: kept.body.byteLength
					}
				})
			: gzipSync(kept.body, { level: 9 }));
}

export interface RenderCacheOptions {
	/** The catalogue version now (one small query): part of every key. */
	catalogueVersion: () => Promise<number>;
	/** The language this request will be answered in. */
	locale: (request: Request) => string;
	maxEntries?: number;
}

/** The key under which `server.js` finds the fast path of the render cache (`hooks.server.ts` puts it there). */
export const NODE_RENDER_CACHE = Symbol.for('boussole.render-cache');

/** Serves a kept page for a Node request and says true, or says false: the app renders it. */
export type NodeRenderCache = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/**
 * The origin the page is rendered for, as adapter-node makes it: `ORIGIN` when set, otherwise the protocol, host
 * and port headers it is told to trust (`PROTOCOL_HEADER`, `HOST_HEADER`, `PORT_HEADER`), else `https` and `Host`.
 * Pages write their own address (structured data, the API description): a request with a forged host must not
 * choose what everyone else is served, so the origin is part of the key. Its scheme also names the bearer
 * cookies (`__Host-` over HTTPS).
 */
export function originOf(header: (name: string) => string | null | undefined): string {
	if (process.env.ORIGIN) return process.env.ORIGIN;
	const trusted = (variable: string) => {
		const name = process.env[variable]?.toLowerCase();
		return name ? header(name) : undefined;
	};
	const protocol = trusted('PROTOCOL_HEADER') || 'https';
	const host = trusted('HOST_HEADER') || header('host') || '';
	const port = trusted('PORT_HEADER');
	return `${protocol}://${host}${port ? `:${port}` : ''}`;
}

/** What the rendering depends on: the catalogue version, the origin, the language, the path and the sorted query. */
function keyOf(url: URL, origin: string, locale: string, version: number): string {
	return `${version} ${origin} ${locale} ${addressOf(url)}`;
}

/** The path and the query sorted by name: `?a=1&b=2` and `?b=2&a=1` are the same page. */
export function addressOf(url: URL): string {
	const query = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `${url.pathname}?${new URLSearchParams(query)}`;
}

function publicPage(method: string, url: URL): boolean {
	return method === 'GET' && PUBLIC_PATHS.some((path) => path.test(url.pathname));
}

function cacheable(event: RequestEvent): boolean {
	return (
		publicPage(event.request.method, event.url) &&
		// A client-side navigation's data (`__data.json`) comes with the page's own URL in `event.url`.
		!event.isDataRequest &&
		!event.isSubRequest &&
		BEARER_COOKIE_NAMES.every((name) => event.cookies.get(name) === undefined)
	);
}

/** The cookies a `Cookie` header carries, by name (the first of a name, as SvelteKit reads them). */
export function cookieValues(header: string | undefined): Map<string, string> {
	const values = new Map<string, string>();
	for (const pair of (header ?? '').split(';')) {
		const at = pair.indexOf('=');
		const name = (at < 0 ? pair : pair.slice(0, at)).trim();
		if (name && !values.has(name)) values.set(name, at < 0 ? '' : pair.slice(at + 1).trim());
	}
	return values;
}

/** A kept page as an answer: the whole of it, or a 304 when the client already has this version. */
function answer(kept: Kept, ifNoneMatch: string | null | undefined) {
	const headers = new Headers(kept.headers);
	headers.set('x-render-cache', 'hit');
	return kept.etag !== null && ifNoneMatch === kept.etag
		? { status: 304, headers: notModifiedHeaders(headers), body: null }
		: { status: kept.status, headers, body: kept.body };
}

/** A 304 carries what a cache needs to reuse its copy, not the body's own headers. */
function notModifiedHeaders(headers: Headers): Headers {
	const kept = new Headers();
	for (const name of ['etag', 'cache-control', 'vary', 'x-render-cache'])
		if (headers.has(name)) kept.set(name, headers.get(name)!);
	return kept;
}

/** Rendered answers under their key, bounded, the least recently used out first; past `maxAgeMs`, forgotten. */
export class KeptPages {
	// A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
	readonly #entries = new Map<string, { kept: Kept; keptAt: number }>();
	constructor(
		readonly maxEntries: number,
		readonly maxAgeMs = Number.POSITIVE_INFINITY
	) {}

	get(key: string): Kept | undefined {
		const found = this.#entries.get(key);
		if (!found) return undefined;
		this.#entries.delete(key);
		if (Date.now() - found.keptAt > this.maxAgeMs) return undefined;
		this.#entries.set(key, found);
		return found.kept;
	}

	set(key: string, kept: Kept): void {
		this.#entries.delete(key);
		this.#entries.set(key, { kept, keptAt: Date.now() });
		if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
	}
}

/**
 * The language of a request from its cookies (`cookieValues`): paraglide's strategy reads the locale cookie, then falls
 * back to the base locale, so that cookie alone decides it. Kept per value of that cookie (a handful), which
 * spares building a `Request` for each kept page served; never per header, which holds bearer tokens.
 */
export function localeReader(locale: (request: Request) => string): (cookies: Map<string, string>) => string {
	const locales = new Map<string, string>();
	return (cookies) => {
		const chosen = cookies.get(LOCALE_COOKIE) ?? '';
		let found = locales.get(chosen);
		if (found === undefined) {
			const headers: Record<string, string> = chosen ? { cookie: `${LOCALE_COOKIE}=${chosen}` } : {};
			found = locale(new Request('http://boussole.invalid/', { headers }));
			if (locales.size >= 64) locales.clear();
			locales.set(chosen, found);
		}
		return found;
	};
}

/** The origin of a Node request, as `originOf` reads it. */
export function nodeOrigin(request: IncomingMessage): string {
	return originOf((name) => {
		const value = request.headers[name];
		return Array.isArray(value) ? value[0] : value;
	});
}

/** Writes a kept page to a Node response, compressed for the browsers that take it; a 304 when it has an ETag the client sent. */
export function writeKept(request: IncomingMessage, response: ServerResponse, kept: Kept): void {
	// Compressed once per page and encoding; each encoding has its own ETag (it is another body).
	const encoding =
		kept.body.byteLength >= COMPRESS_FROM_BYTES ? encodingFor(request.headers['accept-encoding']) : null;
	const variant = nodeAnswer(kept, encoding);
	if (variant.etag !== null && request.headers['if-none-match'] === variant.etag) {
		response.writeHead(304, variant.notModified);
		response.end();
	} else {
		response.writeHead(kept.status, variant.headers);
		response.end(variant.body);
	}
}

export function renderCache(options: RenderCacheOptions): { handle: Handle; serveNode: NodeRenderCache } {
	const entries = new KeptPages(options.maxEntries ?? RENDER_CACHE_ENTRIES);
	const localeFor = localeReader(options.locale);

	const serveNode: NodeRenderCache = async (request, response) => {
		// The URL as adapter-node makes it (origin + path), so that both paths read the same pathname.
		if (!request.url?.startsWith('/')) return false;
		const url = new URL(`http://boussole.invalid${request.url}`);
		if (!publicPage(request.method ?? '', url)) return false;
		const cookies = cookieValues(request.headers.cookie);
		if (BEARER_COOKIE_NAMES.some((name) => cookies.has(name))) return false;
		const key = keyOf(url, nodeOrigin(request), localeFor(cookies), await options.catalogueVersion());
		const found = entries.get(key);
		if (!found) return false;
		writeKept(request, response, found);
		return true;
	};

	const handle: Handle = async ({ event, resolve }) => {
		if (!cacheable(event)) return resolve(event);
		const origin = originOf((name) => event.request.headers.get(name));
		const key = keyOf(event.url, origin, options.locale(event.request), await options.catalogueVersion());
		const found = entries.get(key);
		if (found) {
			const { status, headers, body } = answer(found, event.request.headers.get('if-none-match'));
			return new Response(body, { status, headers });
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
		// Who asks (a bearer cookie) and what they take (`server.js` sends kept pages compressed) change the answer.
		headers.append('vary', 'Accept-Encoding');
		headers.append('vary', 'Cookie');
		if (type.startsWith('text/html')) headers.set('cache-control', HTML_CACHE_CONTROL);
		const kept: Kept = { status: response.status, headers: [...headers], body, etag, encoded: {} };
		entries.set(key, kept);
		headers.set('x-render-cache', 'miss');
		if (event.request.headers.get('if-none-match') === etag)
			return new Response(null, { status: 304, headers: notModifiedHeaders(headers) });
		return new Response(body, { status: response.status, headers });
	};

	return { handle, serveNode };
}
