import type { Cookies } from '@sveltejs/kit';
import { deleteBearerCookie, readBearerCookie, setBearerCookie } from '../auth/cookies';
import type { Owner } from '../db/repositories/attempts';
import { generateToken, hashToken } from '../ids';

/**
 * Anonymous visitors own their quiz attempts and results through a random token in an httpOnly cookie.
 * The database keeps only the token's SHA-256, so a leaked database does not let anyone open results.
 */
const OWNER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

interface OwnerContext {
	cookies: Cookies;
	locals: App.Locals;
	url: URL;
}

export function readOwnerHash({ cookies, url }: Pick<OwnerContext, 'cookies' | 'url'>): string | null {
	return ownerHashOf(readBearerCookie(cookies, url, 'boussole_owner', { maxAge: OWNER_COOKIE_MAX_AGE }));
}

/** The owner a cookie's token stands for; null for none, or for a value that is not one of our tokens. */
export function ownerHashOf(token: string | undefined): string | null {
	return token && TOKEN_PATTERN.test(token) ? hashToken(token) : null;
}

/** A new anonymous owner for this browser: what the previous one owned is no longer reachable from it. */
export function renewOwnerHash({ cookies, url }: Pick<OwnerContext, 'cookies' | 'url'>): string {
	const token = generateToken();
	setBearerCookie(cookies, url, 'boussole_owner', token, { maxAge: OWNER_COOKIE_MAX_AGE });
	return hashToken(token);
}

export function forgetOwner({ cookies, url }: Pick<OwnerContext, 'cookies' | 'url'>): void {
	deleteBearerCookie(cookies, url, 'boussole_owner');
}

/** Who owns what this request reads: the signed-in account, else this browser's anonymous cookie. */
export function ownerOf(context: Pick<OwnerContext, 'cookies' | 'locals' | 'url'>): Owner {
	return { ownerHash: readOwnerHash(context), userId: context.locals.user?.id ?? null };
}

/** The same, creating the anonymous cookie if needed, for requests that write. */
export function ensureOwner(context: OwnerContext): Owner & { ownerHash: string } {
	return {
		ownerHash: readOwnerHash(context) ?? renewOwnerHash(context),
		userId: context.locals.user?.id ?? null
	};
}
