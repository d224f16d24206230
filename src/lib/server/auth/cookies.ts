import type { Cookies } from '@sveltejs/kit';
import { setSessionCookie, type Session } from './session';

/** Secure cookies wherever the app is served over HTTPS (production); plain HTTP only on a dev machine. */
export function isSecure(url: URL): boolean {
	return url.protocol === 'https:';
}

export function startSession(cookies: Cookies, url: URL, token: string, session: Session): void {
	setSessionCookie(cookies, token, session.expiresAt, isSecure(url));
}
