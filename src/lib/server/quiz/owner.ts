import type { Cookies } from '@sveltejs/kit';
import type { Owner } from '../db/repositories/attempts';
import { generateToken, hashToken } from '../ids';

/**
 * Anonymous visitors own their quiz attempts and results through a random token in an httpOnly cookie.
 * The database keeps only the token's SHA-256, so a leaked database does not let anyone open results.
 */
export const OWNER_COOKIE = 'boussole_owner';
const OWNER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export function readOwnerHash(cookies: Cookies): string | null {
	const token = cookies.get(OWNER_COOKIE);
	return token && TOKEN_PATTERN.test(token) ? hashToken(token) : null;
}

export function ensureOwnerHash(cookies: Cookies, url: URL): string {
	const existing = readOwnerHash(cookies);
	if (existing) return existing;
	const token = generateToken();
	cookies.set(OWNER_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: OWNER_COOKIE_MAX_AGE
	});
	return hashToken(token);
}

interface OwnerContext {
	cookies: Cookies;
	locals: App.Locals;
	url: URL;
}

/** Who owns what this request reads: the signed-in account, else this browser's anonymous cookie. */
export function ownerOf({ cookies, locals }: Pick<OwnerContext, 'cookies' | 'locals'>): Owner {
	return { ownerHash: readOwnerHash(cookies), userId: locals.user?.id ?? null };
}

/** The same, creating the anonymous cookie if needed, for requests that write. */
export function ensureOwner({ cookies, locals, url }: OwnerContext): Owner & { ownerHash: string } {
	return { ownerHash: ensureOwnerHash(cookies, url), userId: locals.user?.id ?? null };
}
