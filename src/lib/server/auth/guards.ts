import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';

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
	if (signedIn.user.role !== 'counsellor') error(403, { message: m.error_counsellor_only() });
	return signedIn;
}
