import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireAdmin } from '$lib/server/auth/guards';
import {
	accountForAdmin,
	changeRoleAudited,
	issueResetAsAdmin,
	roleForm,
	setDisabledAudited,
	type AdminRefusal
} from '$lib/server/admin/accounts';
import { readForm, refuse } from '$lib/server/forms';
import { formatDate } from '$lib/labels';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireAdmin(event);
	const found = await accountForAdmin(event.params.id);
	if (!found) error(404, { message: m.admin_account_not_found() });
	const { account, openCohorts, trail } = found;
	return {
		account: {
			id: account.id,
			identifier: account.identifier,
			role: account.role,
			created: formatDate(account.createdAt),
			lastActive: account.lastActiveAt ? formatDate(account.lastActiveAt) : null,
			disabledSince: account.disabledAt ? formatDate(account.disabledAt) : null,
			secondFactorOn: account.secondFactorOn
		},
		yourself: account.id === user.id,
		openCohorts,
		trail: trail.map((entry) => ({ at: formatDate(entry.at), actor: entry.counsellor, action: entry.action }))
	};
};

/** A refusal of the service: a missing account is the page's 404; the rest a message on the page. */
function refused(outcome: AdminRefusal, values: Record<string, string> = {}) {
	if (outcome.status === 404) error(404, { message: outcome.message });
	return refuse(outcome.status, values, {}, outcome.message);
}

export const actions: Actions = {
	role: async (event) => {
		const { user } = requireAdmin(event);
		const input = await readForm(event.request, roleForm);
		if (!input.ok) return input.failure;
		const outcome = await changeRoleAudited(user, event.params.id, input.data.role);
		return outcome.ok ? { done: 'role' as const } : refused(outcome, input.values);
	},
	disable: async (event) => {
		const { user } = requireAdmin(event);
		const outcome = await setDisabledAudited(user, event.params.id, true);
		return outcome.ok ? { done: 'disabled' as const } : refused(outcome);
	},
	enable: async (event) => {
		const { user } = requireAdmin(event);
		const outcome = await setDisabledAudited(user, event.params.id, false);
		return outcome.ok ? { done: 'enabled' as const } : refused(outcome);
	},
	issueReset: async (event) => {
		const { user } = requireAdmin(event);
		const outcome = await issueResetAsAdmin(user, event.params.id);
		if (!outcome.ok) return refused(outcome);
		return { reset: { code: outcome.code, until: formatDate(outcome.expiresAt) } };
	}
};
