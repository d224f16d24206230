import type { Handle, RequestEvent } from '@sveltejs/kit';
import type { UserRole } from '../db/tables';
import type { Owner } from '../db/repositories/attempts';
import { cookieName, type BearerCookie } from '../auth/cookies';
import {
	KeptPages,
	addressOf,
	cookieValues,
	localeReader,
	nodeOrigin,
	originOf,
	writeKept,
	type Kept,
	type NodeRenderCache
} from '../render-cache';

/**
 * A results page, kept for the one person it was drawn for. A student goes back to their results again and
 * again (from a career page, after a training, with the back button: the page is `no-store`), and each visit drew
 * 67 KB of HTML again. A page is kept under everything it was drawn from — the result, the person (account and
 * role, or anonymous owner), the careers they set aside, the catalogue version, the language, the address — and
 * served again only after the same checks as the page's own load, made anew at each request: the session is
 * current, the result is this person's, the set-aside careers and the catalogue version are the same. A page is
 * never served to anyone whose cookies do not name the person it was drawn for, and a change to any of these
 * changes the key, in every process (all of it is read from the database).
 *
 * It is served by `server.js` before SvelteKit reads the request, like the public pages (`render-cache.ts`),
 * and only when nothing about the request needs writing: a session due for renewal, a cookie to move, a second
 * factor pending, an unknown session or owner all go to the app, which renders the page as before.
 */

/** What the results page was drawn from, as its load read it: the route sets it, the hook keeps the page under it. */
export interface ResultPageInputs {
	resultId: string;
	/** The careers set aside, in the order the page lists them. */
	dismissed: string[];
	/** The catalogue version current when the page was drawn (it says so when the result's own is older). */
	catalogueVersion: number;
}

export interface ResultPagesOptions {
	/** The account behind a session token when nothing about the session needs writing; null otherwise. */
	sessionUser: (token: string) => Promise<{ id: string; role: UserRole } | null>;
	ownerHash: (token: string | undefined) => string | null;
	/** The page load's own check: whether the owner may see this result. */
	owns: (resultId: string, owner: Owner) => Promise<boolean>;
	dismissed: (userId: string) => Promise<string[]>;
	catalogueVersion: () => Promise<number>;
	locale: (request: Request) => string;
}

/** Pages kept at most (67 KB each, plus the compressed copies made for the browsers that ask). */
export const KEPT_RESULT_PAGES = 200;
/**
 * How long a page is kept after it was drawn: a visit's worth of comings and goings. A young person's profile
 * does not stay in the server's memory for longer than that, whatever becomes of the result or the account.
 */
export const KEPT_RESULT_PAGE_MS = 30 * 60 * 1000;

const RESULT_PAGE = /^\/resultats\/([a-z2-7]{24})$/;

interface Reader {
	origin: string;
	locale: string;
	/** The path and sorted query: `?etudes=courtes` is another page. */
	address: string;
	user: { id: string; role: UserRole } | null;
	ownerHash: string | null;
}

function keyOf(reader: Reader, inputs: ResultPageInputs): string {
	return JSON.stringify([
		inputs.resultId,
		reader.address,
		reader.origin,
		reader.locale,
		reader.user?.id ?? null,
		reader.user?.role ?? null,
		reader.ownerHash,
		inputs.catalogueVersion,
		inputs.dismissed
	]);
}

/** The two bearer cookies' names for a scheme (`__Host-` over HTTPS), as the app names them. */
function bearerNames(url: Pick<URL, 'protocol'>): Record<BearerCookie, string> {
	return {
		boussole_session: cookieName('boussole_session', url),
		boussole_owner: cookieName('boussole_owner', url)
	};
}

export function resultPageCache(options: ResultPagesOptions): { handle: Handle; serveNode: NodeRenderCache } {
	const entries = new KeptPages(KEPT_RESULT_PAGES, KEPT_RESULT_PAGE_MS);
	const localeFor = localeReader(options.locale);

	const serveNode: NodeRenderCache = async (request, response) => {
		if (request.method !== 'GET' || !request.url?.startsWith('/resultats/')) return false;
		const url = new URL(`http://boussole.invalid${request.url}`);
		const resultId = RESULT_PAGE.exec(url.pathname)?.[1];
		if (!resultId) return false;
		const origin = nodeOrigin(request);
		const names = bearerNames({ protocol: origin.slice(0, origin.indexOf(':') + 1) });
		const cookies = cookieValues(request.headers.cookie);
		// A bearer cookie under its pre-`__Host-` name is moved by the app: that sets cookies.
		if (
			(names.boussole_session !== 'boussole_session' && cookies.has('boussole_session')) ||
			(names.boussole_owner !== 'boussole_owner' && cookies.has('boussole_owner'))
		)
			return false;
		const sessionToken = cookies.get(names.boussole_session);
		const ownerToken = cookies.get(names.boussole_owner);
		const ownerHash = options.ownerHash(ownerToken);
		if (ownerToken !== undefined && ownerHash === null) return false;
		const user = sessionToken === undefined ? null : await options.sessionUser(sessionToken);
		if (sessionToken !== undefined && user === null) return false;
		if (!user && !ownerHash) return false;
		const [owned, dismissed, catalogueVersion] = await Promise.all([
			options.owns(resultId, { userId: user?.id ?? null, ownerHash }),
			user ? options.dismissed(user.id) : [],
			options.catalogueVersion()
		]);
		if (!owned) return false;
		const reader: Reader = {
			origin,
			locale: localeFor(cookies),
			address: addressOf(url),
			user,
			ownerHash
		};
		const found = entries.get(keyOf(reader, { resultId, dismissed, catalogueVersion }));
		if (!found) return false;
		writeKept(request, response, found);
		return true;
	};

	/** Keeps a results page the app drew, under what its load read (`locals.resultPage`). */
	const handle: Handle = async ({ event, resolve }) => {
		const response = await resolve(event);
		const inputs = event.locals.resultPage;
		if (!inputs || !keepable(event, response)) return response;
		const user = event.locals.user;
		const reader: Reader = {
			origin: originOf((name) => event.request.headers.get(name)),
			locale: options.locale(event.request),
			address: addressOf(event.url),
			user: user && { id: user.id, role: user.role },
			ownerHash: options.ownerHash(event.cookies.get(bearerNames(event.url).boussole_owner))
		};
		const body = await response.arrayBuffer();
		// A cookie set by this answer (a renewed session) belongs to this answer alone.
		const headers = [...response.headers].filter(([name]) => name !== 'set-cookie');
		const kept: Kept = { status: 200, headers, body, etag: null, encoded: {} };
		entries.set(keyOf(reader, inputs), kept);
		return new Response(body, { status: response.status, headers: response.headers });
	};

	return { handle, serveNode };
}

function keepable(event: RequestEvent, response: Response): boolean {
	return (
		event.request.method === 'GET' &&
		!event.isDataRequest &&
		!event.isSubRequest &&
		response.status === 200 &&
		(response.headers.get('content-type') ?? '').startsWith('text/html')
	);
}
