import type { Cookies } from '@sveltejs/kit';

/**
 * Boussole's two bearer cookies: the session (signed in) and the anonymous owner (quiz answers and results of
 * a browser without an account). Over HTTPS they are named with the `__Host-` prefix, which the browser only
 * accepts for a Secure cookie of this exact host and path `/`: no subdomain, no plain-HTTP page can set or
 * overwrite them. Plain HTTP (a development machine) keeps the plain names.
 */
export type BearerCookie = 'boussole_session' | 'boussole_owner';

/** Secure cookies wherever the app is served over HTTPS (production); plain HTTP only on a dev machine. */
export function isSecure(url: Pick<URL, 'protocol'>): boolean {
	return url.protocol === 'https:';
}

export function cookieName(base: BearerCookie, url: Pick<URL, 'protocol'>): string {
	return isSecure(url) ? `__Host-${base}` : base;
}

const attributes = (url: URL) => ({
	path: '/',
	httpOnly: true,
	sameSite: 'lax' as const,
	secure: isSecure(url)
});

/**
 * The cookie's value. Over HTTPS, a value still under the name it had before the prefix (a browser from before
 * the change) is read once and moved to the new name, so that nobody is signed out and no anonymous result is
 * orphaned by the rename.
 */
export function readBearerCookie(
	cookies: Cookies,
	url: URL,
	base: BearerCookie,
	lifetime: { expires?: Date; maxAge?: number }
): string | undefined {
	const name = cookieName(base, url);
	const value = cookies.get(name);
	if (value !== undefined || name === base) return value;
	const old = cookies.get(base);
	if (old === undefined) return undefined;
	cookies.set(name, old, { ...attributes(url), ...lifetime });
	cookies.delete(base, { path: '/', httpOnly: true, sameSite: 'lax', secure: true });
	return old;
}

export function setBearerCookie(
	cookies: Cookies,
	url: URL,
	base: BearerCookie,
	value: string,
	lifetime: { expires?: Date; maxAge?: number }
): void {
	cookies.set(cookieName(base, url), value, { ...attributes(url), ...lifetime });
}

export function deleteBearerCookie(cookies: Cookies, url: URL, base: BearerCookie): void {
	cookies.delete(cookieName(base, url), attributes(url));
}
