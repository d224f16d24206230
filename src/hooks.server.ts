import { building, dev } from '$app/environment';
import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { m } from '$lib/paraglide/messages';
import { paraglideMiddleware } from '$lib/paraglide/server';
import {
	currentSessionUser,
	deleteSessionCookie,
	readSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { ownerHashOf, readOwnerHash } from '$lib/server/quiz/owner';
import { resultPageCache } from '$lib/server/results/kept-pages';
import { isResultOwnedBy } from '$lib/server/db/repositories/results';
import { listDismissals } from '$lib/server/db/repositories/dismissals';
import { closeDb, getConnection, getDb } from '$lib/server/db';
import { currentCatalogueVersion } from '$lib/server/db/repositories/catalogue';
import { NODE_RENDER_CACHE, renderCache, type NodeRenderCache } from '$lib/server/render-cache';
import { extractLocaleFromRequest } from '$lib/paraglide/runtime';
import { checkDatabaseReady } from '$lib/server/startup';

export const init: ServerInit = async () => {
	if (building) return;
	const connection = getConnection();
	const { catalogueNumber } = await checkDatabaseReady(connection);
	console.info(`Boussole: ${connection.dialect} database ready, catalogue version ${catalogueNumber}`);
	// adapter-node's graceful shutdown: requests in flight are answered, then the database is closed.
	process.once('sveltekit:shutdown', () => void closeDb());
};

/** A path with U+0000 in it names nothing, and PostgreSQL refuses the character in a parameter: 400 at once. */
const handleUnreadablePath: Handle = ({ event, resolve }) =>
	/%00/.test(event.url.pathname)
		? new Response(m.error_unreadable_address(), {
				status: 400,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			})
		: resolve(event);

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

/** Reads the session cookie once per request into `locals`, renewing it (sliding expiry) when due. */
const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.pendingSecondFactor = null;
	const token = readSessionCookie(event.cookies, event.url);
	if (token) {
		const found = await validateSessionToken(getDb(), token);
		if (!found) deleteSessionCookie(event.cookies, event.url);
		else {
			setSessionCookie(event.cookies, event.url, token, found.session.expiresAt);
			if (found.complete) {
				event.locals.user = found.user;
				event.locals.session = found.session;
			} else event.locals.pendingSecondFactor = { user: found.user, session: found.session };
		}
	}
	// Read (and, under its pre-__Host- name, moved) whether or not a session is there.
	const ownerHash = readOwnerHash(event);
	const personal = token !== undefined || ownerHash !== null;
	const response = await resolve(event);
	// Anything made for one person (signed in, or the anonymous owner of a quiz and results) is never kept by
	// a shared cache or the back button; neither is an answer that sets a cookie.
	if (personal || response.headers.has('set-cookie')) {
		// A page showing a secret asks that nothing transform it (no compression in `server.js`): kept.
		const noTransform = /no-transform/.test(response.headers.get('cache-control') ?? '');
		response.headers.set('Cache-Control', `private, no-store${noTransform ? ', no-transform' : ''}`);
	}
	return response;
};

/** Headers every response carries; the Content-Security-Policy itself comes from `kit.csp`. */
const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	if (!dev && event.url.protocol === 'https:') {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};

const catalogueVersion = async () => (await currentCatalogueVersion(getDb()))?.number ?? 0;
const publicPages = renderCache({ catalogueVersion, locale: extractLocaleFromRequest });
const resultPages = resultPageCache({
	sessionUser: (token) => currentSessionUser(getDb(), token),
	ownerHash: ownerHashOf,
	owns: (resultId, owner) => isResultOwnedBy(getDb(), resultId, owner),
	dismissed: (userId) => listDismissals(getDb(), userId),
	catalogueVersion,
	locale: extractLocaleFromRequest
});
// For `server.js`, which serves kept pages before SvelteKit reads the request.
(globalThis as Record<symbol, unknown>)[NODE_RENDER_CACHE] = (async (request, response) =>
	(await publicPages.serveNode(request, response)) ||
	resultPages.serveNode(request, response)) satisfies NodeRenderCache;

export const handle = sequence(
	// First, so that what they keep carries every header the rest of the chain gives.
	publicPages.handle,
	resultPages.handle,
	handleSecurityHeaders,
	handleUnreadablePath,
	handleLocale,
	handleSession
);
