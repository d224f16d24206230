import type { RequestEvent } from '@sveltejs/kit';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Owner } from '../db/repositories/attempts';
import type { UserRole } from '../db/tables';
import { KEPT_RESULT_PAGE_MS, resultPageCache, type ResultPageInputs } from './kept-pages';

const RESULT = 'abcdefghijklmnopqrstuvwx';
const OTHER_RESULT = 'bbcdefghijklmnopqrstuvwx';
const LEA = 'a'.repeat(32);
const SAM = 'b'.repeat(32);

/** The database as the fast path reads it: sessions, owners of results, set-aside careers, catalogue version. */
let sessions: Map<string, { id: string; role: UserRole }>;
let owners: Map<string, string>;
let dismissed: Map<string, string[]>;
let version: number;
let rendered: string[];

beforeEach(() => {
	sessions = new Map([['session-of-noa', { id: 'noa', role: 'student' }]]);
	// A result belongs to an account or, before any sign-in, to a browser's anonymous owner.
	owners = new Map([
		[RESULT, `owner:${LEA}`],
		[OTHER_RESULT, 'user:noa']
	]);
	dismissed = new Map([['noa', ['developpeur-back-end']]]);
	version = 3;
	rendered = [];
});

function cache() {
	return resultPageCache({
		sessionUser: async (token) => sessions.get(token) ?? null,
		ownerHash: (token) => (token && /^[a-z]{32}$/.test(token) ? token : null),
		owns: async (resultId: string, owner: Owner) =>
			owners.get(resultId) === (owner.userId ? `user:${owner.userId}` : `owner:${owner.ownerHash}`),
		dismissed: async (userId) => dismissed.get(userId) ?? [],
		catalogueVersion: async () => version,
		locale: (request) => (request.headers.get('cookie')?.includes('PARAGLIDE_LOCALE=en') ? 'en' : 'fr')
	});
}

/** The app behind the hook: draws the page for whoever the cookies name, as the load would, and says what it read. */
function drawn(
	cookies: Record<string, string>,
	path: string,
	options: { setCookie?: string; origin?: string; headers?: Record<string, string> } = {}
) {
	// The URL as adapter-node makes it: from ORIGIN, or from the headers it trusts.
	const url = new URL(path, options.origin ?? process.env.ORIGIN);
	const resultId = url.pathname.split('/')[2]!;
	const user = cookies.boussole_session ? (sessions.get(cookies.boussole_session) ?? null) : null;
	const cookieHeader = Object.entries(cookies)
		.map(([name, value]) => `${name}=${value}`)
		.join('; ');
	const event = {
		url,
		request: new Request(url, {
			headers: { host: frontHost, cookie: cookieHeader, ...options.headers }
		}),
		cookies: { get: (name: string) => cookies[name] },
		locals: { user } as App.Locals,
		isDataRequest: false,
		isSubRequest: false
	} as unknown as RequestEvent;
	const resolve = async (e: RequestEvent) => {
		const who = user?.id ?? cookies.boussole_owner ?? cookies['__Host-boussole_owner'] ?? 'personne';
		const inputs: ResultPageInputs = {
			resultId,
			dismissed: user ? (dismissed.get(user.id) ?? []) : [],
			catalogueVersion: version
		};
		e.locals.resultPage = inputs;
		rendered.push(`${who} ${path}`);
		const headers = new Headers({ 'content-type': 'text/html', 'cache-control': 'private, no-store' });
		if (options.setCookie) headers.append('set-cookie', options.setCookie);
		return new Response(`<p>${path} pour ${who}, retirés ${inputs.dismissed.join()}, v${version}</p>`, {
			headers
		});
	};
	return { event, resolve };
}

/** The app is behind the front: it sees the front's Host. */
let frontHost = '';

/** `server.js` in small: the fast path first, then « the app » (a 299, so that a test tells them apart). */
let front: Server | undefined;
async function startFront(serveNode: ReturnType<typeof cache>['serveNode']): Promise<string> {
	front = createServer((request, response) => {
		void serveNode(request, response).then((served) => {
			if (!served) response.writeHead(299).end('the app');
		});
	});
	await new Promise<void>((resolve) => front!.listen(0, '127.0.0.1', resolve));
	frontHost = `127.0.0.1:${(front.address() as AddressInfo).port}`;
	// As `npm start` runs it on a machine of its own: plain HTTP, said by ORIGIN.
	process.env.ORIGIN = `http://${frontHost}`;
	return `http://${frontHost}`;
}

afterEach(async () => {
	delete process.env.ORIGIN;
	delete process.env.PROTOCOL_HEADER;
	await new Promise<void>((resolve) => (front ? front.close(() => resolve()) : resolve()));
});

async function get(base: string, path: string, cookie?: string, headers: Record<string, string> = {}) {
	const response = await fetch(`${base}${path}`, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
	return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('results pages kept for their owner', () => {
	it('serves the page again to its owner, checked anew, with the headers it had and no cookie', async () => {
		const { handle, serveNode } = cache();
		const base = await startFront(serveNode);
		const path = `/resultats/${RESULT}`;
		expect((await get(base, path, `boussole_owner=${LEA}`)).status).toBe(299);
		const first = await handle(drawn({ boussole_owner: LEA }, path, { setCookie: 'renewed=1' }));
		expect(first.headers.get('set-cookie')).toBe('renewed=1');

		const kept = await get(base, path, `boussole_owner=${LEA}`);
		expect(kept.status).toBe(200);
		expect(kept.text).toBe(await first.text());
		expect(kept.headers.get('cache-control')).toBe('private, no-store');
		expect(kept.headers.get('set-cookie')).toBeNull();
		expect(rendered).toHaveLength(1);
		// No longer theirs (deleted, or claimed by an account at sign-in): the app answers, with its 404.
		owners.delete(RESULT);
		expect((await get(base, path, `boussole_owner=${LEA}`)).status).toBe(299);
	});

	it('never gives it to anyone else: another owner, no owner, a session, a forged token', async () => {
		const { handle, serveNode } = cache();
		const base = await startFront(serveNode);
		const path = `/resultats/${RESULT}`;
		await handle(drawn({ boussole_owner: LEA }, path));
		for (const cookie of [
			`boussole_owner=${SAM}`,
			undefined,
			'boussole_session=session-of-noa',
			`boussole_owner=${LEA}; boussole_session=session-of-noa`,
			`boussole_owner=${LEA}; boussole_session=forged`,
			'boussole_owner=not-a-token'
		])
			expect((await get(base, path, cookie)).status, cookie).toBe(299);
		// The same owner on another result, another view, another language: drawn for itself.
		expect((await get(base, `/resultats/${OTHER_RESULT}`, `boussole_owner=${LEA}`)).status).toBe(299);
		expect((await get(base, `${path}?etudes=courtes`, `boussole_owner=${LEA}`)).status).toBe(299);
		expect((await get(base, path, `boussole_owner=${LEA}; PARAGLIDE_LOCALE=en`)).status).toBe(299);
		expect((await get(base, path, `boussole_owner=${LEA}`)).status).toBe(200);
	});

	it('is keyed by what the page was drawn from: a career set aside or a new catalogue draws it again', async () => {
		const { handle, serveNode } = cache();
		const base = await startFront(serveNode);
		const path = `/resultats/${OTHER_RESULT}`;
		const cookie = 'boussole_session=session-of-noa';
		await handle(drawn({ boussole_session: 'session-of-noa' }, path));
		expect((await get(base, path, cookie)).text).toContain('retirés developpeur-back-end, v3');

		dismissed.set('noa', []);
		expect((await get(base, path, cookie)).status).toBe(299);
		await handle(drawn({ boussole_session: 'session-of-noa' }, path));
		expect((await get(base, path, cookie)).text).toContain('retirés , v3');
		// Undone: the page drawn before is right again, and served.
		dismissed.set('noa', ['developpeur-back-end']);
		expect((await get(base, path, cookie)).text).toContain('retirés developpeur-back-end, v3');

		version = 4;
		expect((await get(base, path, cookie)).status).toBe(299);
		// A session that needs writing (renewal due, second factor pending, ended) goes to the app.
		version = 3;
		sessions.delete('session-of-noa');
		expect((await get(base, path, cookie)).status).toBe(299);
	});

	it('keeps only whole pages for a known person, and only GET of the page itself', async () => {
		const { handle, serveNode } = cache();
		const base = await startFront(serveNode);
		const notFound = drawn({ boussole_owner: LEA }, `/resultats/${RESULT}`);
		await handle({
			event: notFound.event,
			resolve: async () => new Response('introuvable', { status: 404 })
		});
		expect((await get(base, `/resultats/${RESULT}`, `boussole_owner=${LEA}`)).status).toBe(299);

		await handle(drawn({ boussole_owner: LEA }, `/resultats/${RESULT}`));
		const head = await fetch(`${base}/resultats/${RESULT}`, {
			method: 'HEAD',
			headers: { cookie: `boussole_owner=${LEA}` }
		});
		expect(head.status).toBe(299);
		expect((await get(base, `/resultats/${RESULT}/__data.json`, `boussole_owner=${LEA}`)).status).toBe(299);
	});

	it('behind a proxy that says HTTPS, reads the __Host- cookies the app reads, and leaves the old names to the app', async () => {
		const { handle, serveNode } = cache();
		const base = await startFront(serveNode);
		// As docs/deploy.md runs it behind nginx: no ORIGIN, the scheme from X-Forwarded-Proto.
		delete process.env.ORIGIN;
		process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
		const https = { 'x-forwarded-proto': 'https' };
		const path = `/resultats/${RESULT}`;
		const page = await handle(
			drawn({ '__Host-boussole_owner': LEA }, path, { origin: `https://${frontHost}`, headers: https })
		);
		expect(page.status).toBe(200);

		const kept = await get(base, path, `__Host-boussole_owner=${LEA}`, https);
		expect(kept.status).toBe(200);
		expect(kept.text).toContain(`pour ${LEA}`);
		// The plain name over HTTPS is moved by the app (a cookie to set); another scheme is another origin.
		expect((await get(base, path, `boussole_owner=${LEA}`, https)).status).toBe(299);
		expect((await get(base, path, `__Host-boussole_owner=${LEA}; boussole_owner=${LEA}`, https)).status).toBe(
			299
		);
		expect(
			(await get(base, path, `__Host-boussole_owner=${LEA}`, { 'x-forwarded-proto': 'http' })).status
		).toBe(299);
	});

	it('forgets a page half an hour after drawing it', async () => {
		const { handle, serveNode } = cache();
		const base = await startFront(serveNode);
		const path = `/resultats/${RESULT}`;
		await handle(drawn({ boussole_owner: LEA }, path));
		const now = Date.now();
		const clock = vi.spyOn(Date, 'now');
		try {
			clock.mockReturnValue(now + KEPT_RESULT_PAGE_MS - 1000);
			expect((await get(base, path, `boussole_owner=${LEA}`)).status).toBe(200);
			clock.mockReturnValue(now + KEPT_RESULT_PAGE_MS + 1000);
			expect((await get(base, path, `boussole_owner=${LEA}`)).status).toBe(299);
		} finally {
			clock.mockRestore();
		}
	});
});
