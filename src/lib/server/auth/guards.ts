import { redirect, type RequestEvent } from '@sveltejs/kit';

/** The signed-in user, or a redirect to the log-in page that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const { user, session } = event.locals;
	if (!user || !session) {
		redirect(
			303,
			`/compte/connexion?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`
		);
	}
	return { user, session };
}
