import type { RequestEvent } from '@sveltejs/kit';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderCache, type NodeRenderCache } from './render-cache';

let version = 1;
let rendered: string[] = [];

/** A request as the hook sees it: a URL, headers, and the cookies it carries. */
function event(
	path: string,
	options: {
		cookies?: Record<string, string>;
		headers?: Record<string, string>;
		isDataRequest?: boolean;
	} = {}
) {
	const url = new URL(path, 'http://localhost');
	const cookies = options.cookies ?? {};
	return {
		url,
		request: new Request(url, { headers: options.headers }),
		cookies: { get: (name: string) => cookies[name] },
		isDataRequest: options.isDataRequest ?? false,
		isSubRequest: false
	} as unknown as RequestEvent;
}

/** The rest of the chain: renders who it renders for, and remembers having done it. */
function resolver(init: ResponseInit = {}) {
	return async (e: RequestEvent) => {
		const who = e.cookies.get('boussole_owner') ?? e.cookies.get('__Host-boussole_session') ?? 'personne';
		rendered.push(`${e.url.pathname}${e.url.search}`);
		return new Response(`<p>${e.url.pathname} pour ${who}, version ${version}</p>`, {
			status: 200,
			...init,
			headers: { 'content-type': 'text/html', ...(init.headers as Record<string, string>) }
		});
	};
}

function cacheAndFront(maxEntries?: number) {
	return renderCache({
		catalogueVersion: async () => version,
		locale: (request) => (request.headers.get('cookie')?.includes('PARAGLIDE_LOCALE=en') ? 'en' : 'fr'),
		maxEntries
	});
}

const cache = (maxEntries?: number) => cacheAndFront(maxEntries).handle;

/** `server.js` in small: the fast path first, then « the app » (a 299, so that a test tells them apart). */
let front: Server | undefined;
async function startFront(serveNode: NodeRenderCache): Promise<string> {
	front = createServer((request, response) => {
		void serveNode(request, response).then((served) => {
			if (!served) response.writeHead(299).end('the app');
		});
	});
	await new Promise<void>((resolve) => front!.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
}

/** A GET with a Host of one's choosing (fetch always sends the URL's own). */
function rawGet(base: string, path: string, host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const url = new URL(base);
		request({ host: url.hostname, port: url.port, path, headers: { host } }, (response) => {
			response.resume();
			resolve(response.statusCode!);
		})
			.on('error', reject)
			.end();
	});
}

afterEach(() => new Promise<void>((resolve) => (front ? front.close(() => resolve()) : resolve())));

beforeEach(() => {
	version = 1;
	rendered = [];
});

describe('the render cache of public pages', () => {
	it('renders a public page once for visitors with nothing of their own, with an ETag and revalidation', async () => {
		const handle = cache();
		const first = await handle({ event: event('/metiers?b=2&a=1'), resolve: resolver() });
		const second = await handle({ event: event('/metiers?a=1&b=2'), resolve: resolver() });
		expect(rendered).toEqual(['/metiers?b=2&a=1']);
		expect(await second.text()).toBe(await first.text());
		expect(first.headers.get('x-render-cache')).toBe('miss');
		expect(second.headers.get('x-render-cache')).toBe('hit');
		expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
		expect(second.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
		expect(second.headers.get('vary')).toContain('Cookie');

		const revalidated = await handle({
			event: event('/metiers?a=1&b=2', { headers: { 'if-none-match': first.headers.get('etag')! } }),
			resolve: resolver()
		});
		expect(revalidated.status).toBe(304);
		expect(await revalidated.text()).toBe('');
	});

	it('never gives a page rendered for someone to anyone else, nor a kept page to someone with a cookie', async () => {
		const handle = cache();
		const personalCookies: Record<string, string>[] = [
			{ boussole_owner: 'lea' },
			{ '__Host-boussole_session': 'sam' },
			{ '__Host-boussole_owner': 'x' },
			{ boussole_session: 'y' }
		];
		for (const cookies of personalCookies) {
			const personal = await handle({
				event: event('/metiers/data-analyst', { cookies }),
				resolve: resolver()
			});
			expect(personal.headers.get('x-render-cache')).toBeNull();
		}
		const anonymous = await handle({ event: event('/metiers/data-analyst'), resolve: resolver() });
		expect(await anonymous.text()).toContain('pour personne');
		const lea = await handle({
			event: event('/metiers/data-analyst', { cookies: { boussole_owner: 'lea' } }),
			resolve: resolver()
		});
		expect(await lea.text()).toContain('pour lea');
		expect(rendered).toHaveLength(6);
	});

	it('keys by catalogue version and language: a new version is rendered at the next request', async () => {
		const handle = cache();
		await handle({ event: event('/'), resolve: resolver() });
		await handle({ event: event('/', { headers: { cookie: 'PARAGLIDE_LOCALE=en' } }), resolve: resolver() });
		await handle({ event: event('/'), resolve: resolver() });
		expect(rendered).toHaveLength(2);
		version = 2;
		const next = await handle({ event: event('/'), resolve: resolver() });
		expect(await next.text()).toContain('version 2');
		expect(rendered).toHaveLength(3);
	});

	it('keeps only whole successes without cookies or privacy, on public paths', async () => {
		const handle = cache();
		const refused: [string, ResponseInit][] = [
			['/metiers/inconnu', { status: 404 }],
			['/metiers', { headers: { 'set-cookie': 'a=b' } }],
			['/formations', { headers: { 'cache-control': 'private, no-store' } }]
		];
		for (const [path, init] of refused) {
			await handle({ event: event(path), resolve: resolver(init) });
			await handle({ event: event(path), resolve: resolver(init) });
		}
		for (const path of ['/quiz', '/compte', '/resultats/abc', '/api/v1/match'])
			for (let i = 0; i < 2; i += 1) await handle({ event: event(path), resolve: resolver() });
		// The data of a client-side navigation to a public page: SvelteKit gives it the page's URL.
		for (let i = 0; i < 2; i += 1)
			await handle({ event: event('/metiers', { isDataRequest: true }), resolve: resolver() });
		expect(rendered).toHaveLength(2 * refused.length + 10);
	});

	it('is bounded: past its size, the least recently used page goes first', async () => {
		const handle = cache(2);
		for (const q of ['a', 'b', 'a', 'c', 'a', 'b'])
			await handle({ event: event(`/metiers?q=${q}`), resolve: resolver() });
		expect(rendered).toEqual(['/metiers?q=a', '/metiers?q=b', '/metiers?q=c', '/metiers?q=b']);
	});

	it('is served by the server in front, before the app, to the same visitors and under the same key', async () => {
		const { handle, serveNode } = cacheAndFront();
		const base = await startFront(serveNode);
		// Nothing kept yet: the app answers.
		expect((await fetch(`${base}/metiers?a=1&b=2`)).status).toBe(299);
		// As the app sees it behind the same server: the same Host.
		const host = new URL(base).host;
		const rendering = await handle({
			event: event('/metiers?b=2&a=1', { headers: { host } }),
			resolve: resolver()
		});
		const etag = rendering.headers.get('etag')!;

		const kept = await fetch(`${base}/metiers?a=1&b=2`);
		expect(kept.status).toBe(200);
		expect(await kept.text()).toBe('<p>/metiers pour personne, version 1</p>');
		expect(kept.headers.get('x-render-cache')).toBe('hit');
		expect(kept.headers.get('etag')).toBe(etag);
		expect(kept.headers.get('vary')).toContain('Cookie');
		const revalidated = await fetch(`${base}/metiers?b=2&a=1`, { headers: { 'if-none-match': etag } });
		expect(revalidated.status).toBe(304);

		// Someone with a bearer cookie, another language, another version, another verb: the app.
		for (const cookie of ['boussole_owner=lea', 'x=1; __Host-boussole_session=sam', 'PARAGLIDE_LOCALE=en'])
			expect((await fetch(`${base}/metiers?a=1&b=2`, { headers: { cookie } })).status).toBe(299);
		expect((await fetch(`${base}/metiers?a=1&b=2`, { method: 'HEAD' })).status).toBe(299);
		// A forged Host is another origin: it is rendered for itself, never given (or giving) the others' page.
		const forged = await rawGet(base, '/metiers?a=1&b=2', 'evil.example');
		expect(forged).toBe(299);
		expect((await fetch(`${base}/metiers/__data.json?a=1&b=2`)).status).toBe(299);
		version = 2;
		expect((await fetch(`${base}/metiers?a=1&b=2`)).status).toBe(299);
		expect(rendered).toHaveLength(1);
	});

	it('is compressed for the browsers that take it, once per page, each encoding with its own ETag', async () => {
		const { handle, serveNode } = cacheAndFront();
		const base = await startFront(serveNode);
		const page = `<main>${'<p>Une page de métiers assez longue pour être compressée.</p>'.repeat(80)}</main>`;
		const rendering = await handle({
			event: event('/metiers', { headers: { host: new URL(base).host } }),
			resolve: async () => new Response(page, { headers: { 'content-type': 'text/html' } })
		});
		const identity = rendering.headers.get('etag')!;
		const etags = new Set([identity]);
		for (const encoding of ['br', 'gzip']) {
			const response = await fetch(`${base}/metiers`, { headers: { 'accept-encoding': encoding } });
			expect(response.headers.get('content-encoding')).toBe(encoding);
			expect(Number(response.headers.get('content-length'))).toBeLessThan(page.length / 5);
			expect(response.headers.get('vary')).toMatch(/Accept-Encoding.*Cookie/);
			expect(await response.text()).toBe(page);
			const etag = response.headers.get('etag')!;
			etags.add(etag);
			const again = await fetch(`${base}/metiers`, {
				headers: { 'accept-encoding': encoding, 'if-none-match': etag }
			});
			expect(again.status).toBe(304);
		}
		expect(etags.size).toBe(3);
		// Refused with q=0, brotli is not sent.
		const notBrotli = await fetch(`${base}/metiers`, { headers: { 'accept-encoding': 'br;q=0, gzip' } });
		expect(notBrotli.headers.get('content-encoding')).toBe('gzip');
		const plain = await fetch(`${base}/metiers`, { headers: { 'accept-encoding': 'identity' } });
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('etag')).toBe(identity);
		expect(await plain.text()).toBe(page);
	});
});
