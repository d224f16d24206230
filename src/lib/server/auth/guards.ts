import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { UserRole } from '../db/tables';
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

/** The signed-in user of that role; anyone else signed in gets a 403 (the space is not theirs), anonymous a log-in. */
function requireRole<R extends UserRole>(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	roles: readonly R[],
	refusal: string
) {
	const { user, session } = requireUser(event);
	if (!(roles as readonly UserRole[]).includes(user.role)) {
		logSecurityEvent('access_refused', { userId: user.id, path: event.url.pathname });
		error(403, { message: refusal });
	}
	return { user: user as typeof user & { role: R }, session };
}

export const requireCounsellor = (event: Pick<RequestEvent, 'locals' | 'url'>) =>
	requireRole(event, ['counsellor'], m.error_counsellor_only());

export const requireAdmin = (event: Pick<RequestEvent, 'locals' | 'url'>) =>
	requireRole(event, ['admin'], m.error_admin_only());

/** The catalogue's back-office: editors, and administrators, who can do everything an editor can. */
export const requireEditor = (event: Pick<RequestEvent, 'locals' | 'url'>) =>
	requireRole(event, ['editor', 'admin'], m.error_editor_only());

/**
 * What is not the counsellor's (another's cohort, a student who did not share) is answered as if it did not
 * exist — a 404 tells nothing — and logged as a refused access.
 */
export function notTheirs(event: Pick<RequestEvent, 'locals' | 'url'>, message: string): never {
	logSecurityEvent('access_refused', { userId: event.locals.user?.id, path: event.url.pathname });
	error(404, { message });
}
