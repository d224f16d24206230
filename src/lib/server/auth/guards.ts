import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { logSecurityEvent } from '../security-log';

/** The signed-in user, or a redirect to the log-in page that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const { user, session, pendingSecondFactor } = event.locals;
	if (!user || !session) {
		const back = encodeURIComponent(event.url.pathname + event.url.search);
		// Signed in with the password, the second factor still due: that comes first.
		if (pendingSecondFactor) redirect(303, `/compte/double-authentification?redirectTo=${back}`);
		redirect(303, `/compte/connexion?redirectTo=${back}`);
	}
	return { user, session };
}

/** The signed-in counsellor; anyone else signed in gets a 403 (the space is not theirs), anonymous a log-in. */
export function requireCounsellor(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const signedIn = requireUser(event);
	if (signedIn.user.role !== 'counsellor') {
		logSecurityEvent('access_refused', { userId: signedIn.user.id, path: event.url.pathname });
		error(403, { message: m.error_counsellor_only() });
	}
	return signedIn;
}

/** The signed-in administrator; anyone else signed in gets a 403, anonymous a log-in. */
export function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const signedIn = requireUser(event);
	if (signedIn.user.role !== 'admin') {
		logSecurityEvent('access_refused', { userId: signedIn.user.id, path: event.url.pathname });
		error(403, { message: m.error_admin_only() });
	}
	return { user: { ...signedIn.user, role: 'admin' as const }, session: signedIn.session };
}

/**
 * What is not the counsellor's (another's cohort, a student who did not share) is answered as if it did not
 * exist — a 404 tells nothing — and logged as a refused access.
 */
export function notTheirs(event: Pick<RequestEvent, 'locals' | 'url'>, message: string): never {
	logSecurityEvent('access_refused', { userId: event.locals.user?.id, path: event.url.pathname });
	error(404, { message });
}
