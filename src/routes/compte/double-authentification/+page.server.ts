import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { pathAfterSignIn } from '$lib/server/accounts/next-step';
import {
	enrolSecondFactorThrottled,
	offerSecondFactor,
	verifySecondFactorThrottled
} from '$lib/server/accounts/second-factor';
import { readSessionCookie, setSessionCookie, type Session } from '$lib/server/auth/session';
import { defineForm, readForm, refuse } from '$lib/server/forms';
import { safeRedirectPath } from '$lib/server/http';
import { readOwnerHash } from '$lib/server/quiz/owner';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * The second factor: given after the password (a pending session), or set up — at the first log-in of staff,
 * or by a student who chooses it from /compte.
 */
function signedIn(event: RequestEvent) {
	const pending = event.locals.pendingSecondFactor;
	if (pending) return { ...pending, pending: true };
	if (event.locals.user && event.locals.session)
		return { user: event.locals.user, session: event.locals.session, pending: false };
	redirect(303, `/compte/connexion?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
}

export const load: PageServerLoad = async (event) => {
	const { user, pending } = signedIn(event);
	const enrolled = user.totpEnabledAt !== null;
	// Signed in with both factors already: nothing to give again.
	if (!pending && enrolled) redirect(303, '/compte');
	// The key is on the page, next to the address it came with: not compressed (a BREACH-style guess).
	if (!enrolled) event.setHeaders({ 'cache-control': 'private, no-store, no-transform' });
	return {
		mode: enrolled ? ('verify' as const) : ('enrol' as const),
		identifier: user.identifier,
		redirectTo: safeRedirectPath(event.url.searchParams.get('redirectTo'), '/compte'),
		enrolment: enrolled ? null : await offerSecondFactor(user)
	};
};

const codeForm = defineForm(
	z.object({ code: z.string().max(20, { error: () => m.second_factor_wrong_code() }) })
);

async function done(event: RequestEvent, outcome: { session: Session }) {
	const token = readSessionCookie(event.cookies, event.url);
	if (token) setSessionCookie(event.cookies, event.url, token, outcome.session.expiresAt);
	const { user } = signedIn(event);
	const goTo = safeRedirectPath(event.url.searchParams.get('redirectTo'), '/compte');
	return pathAfterSignIn(user, outcome.session, readOwnerHash(event), goTo);
}

export const actions: Actions = {
	enrol: async (event) => {
		const { user, session } = signedIn(event);
		if (user.totpEnabledAt !== null) error(409, { message: m.second_factor_already_on() });
		const input = await readForm(event.request, codeForm);
		if (!input.ok) return input.failure;
		const outcome = await enrolSecondFactorThrottled(user, session, input.data.code);
		if (!outcome.ok) return refuse(outcome.status, input.values, { code: outcome.message });
		// The recovery codes are shown once, on this answer; the page then links on.
		return { recoveryCodes: outcome.recoveryCodes ?? [], next: await done(event, outcome) };
	},
	verify: async (event) => {
		const { user, session } = signedIn(event);
		const input = await readForm(event.request, codeForm);
		if (!input.ok) return input.failure;
		const outcome = await verifySecondFactorThrottled(user, session, input.data.code);
		if (!outcome.ok) return refuse(outcome.status, input.values, { code: outcome.message });
		redirect(303, await done(event, outcome));
	}
};
