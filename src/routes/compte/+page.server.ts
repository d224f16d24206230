import { z } from 'zod';
import { redirect } from '@sveltejs/kit';
import { accountOverview, endAllMySessions, endMySession } from '$lib/server/accounts/accounts';
import { turnOffSecondFactorThrottled } from '$lib/server/accounts/second-factor';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { requireUser } from '$lib/server/auth/guards';
import { leaveCohortOf } from '$lib/server/cohorts/membership';
import { defineForm, readForm, refuse } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, session } = requireUser(event);
	return {
		...(await accountOverview(user, session)),
		joined: event.url.searchParams.get('rejoint') === '1'
	};
};

const leaveForm = defineForm(z.object({ cohortId: z.string() }));
const sessionForm = defineForm(z.object({ sessionId: z.string() }));
const codeForm = defineForm(z.object({ code: z.string().max(20) }));

export const actions: Actions = {
	/** Leaving takes effect at once: the next request of the counsellor finds no membership. */
	leave: async (event) => {
		const { user } = requireUser(event);
		const input = await readForm(event.request, leaveForm);
		if (!input.ok) return input.failure;
		if (!(await leaveCohortOf(user, input.data.cohortId)))
			return refuse(404, input.values, {}, m.account_leave_error());
		return { left: true };
	},
	/** Ends a session of another device; the list shows the person's own sessions only. */
	endSession: async (event) => {
		const { user } = requireUser(event);
		const input = await readForm(event.request, sessionForm);
		if (!input.ok) return input.failure;
		if (!(await endMySession(user, input.data.sessionId)))
			return refuse(404, input.values, {}, m.sessions_not_found());
		return { sessionEnded: true };
	},
	/** « Partout »: this session ends too, so the person lands signed out. */
	endAllSessions: async (event) => {
		const { user } = requireUser(event);
		await endAllMySessions(user);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/');
	},
	secondFactorOff: async (event) => {
		const { user } = requireUser(event);
		const input = await readForm(event.request, codeForm);
		if (!input.ok) return input.failure;
		const outcome = await turnOffSecondFactorThrottled(user, input.data.code);
		if (!outcome.ok) return refuse(outcome.status, input.values, { code: outcome.message });
		return { secondFactorOff: true };
	}
};
