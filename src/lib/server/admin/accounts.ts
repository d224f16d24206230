import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { issueReset, type IssuedReset } from '../accounts/password-reset';
import { getDb } from '../db';
import {
	changeAccountRole,
	countOpenCohorts,
	findAccountSummary,
	searchAccounts,
	setAccountDisabled,
	type AccountFilter,
	type AccountSummary
} from '../db/repositories/accounts-admin';
import { listAuditAboutStudent } from '../db/repositories/audit';
import { USER_ROLES } from '../db/tables';
import { defineForm, oneOf } from '../forms';
import type { User } from '../db/repositories/users';
import { logSecurityEvent } from '../security-log';

/**
 * `/admin/comptes`: administrators find an account, change its role, disable or enable it, and make a
 * one-time code for a forgotten password. What they see of an account is its identifier, role and dates —
 * never a password or a hash. Every change is in the person's audit trail, shown on their `/compte`.
 */

export type Admin = Pick<User, 'id' | 'identifier'> & { role: 'admin' };

/** Accounts listed at most: past that, the search narrows it. */
export const ACCOUNTS_LISTED = 50;

const STATES = ['active', 'disabled'] as const;

/** The search of `/admin/comptes`, from its address (`q`, `role`, `etat`). */
export function accountFilterFrom(params: URLSearchParams): AccountFilter {
	return {
		q: (params.get('q') ?? '').slice(0, 254),
		role: oneOf(params.get('role'), USER_ROLES),
		state: oneOf(params.get('etat'), STATES)
	};
}

export const roleForm = defineForm(
	z.object({ role: z.enum(USER_ROLES, { error: () => m.error_unknown_role() }) })
);

/** The accounts found, at most ACCOUNTS_LISTED, and whether there were more. */
export async function findAccounts(
	filter: AccountFilter
): Promise<{ accounts: AccountSummary[]; more: boolean }> {
	const found = await searchAccounts(getDb(), filter, ACCOUNTS_LISTED + 1);
	return { accounts: found.slice(0, ACCOUNTS_LISTED), more: found.length > ACCOUNTS_LISTED };
}

/** An account with what acting on it would touch, and its trail; null when there is none. */
export async function accountForAdmin(userId: string) {
	const db = getDb();
	const account = await findAccountSummary(db, userId);
	if (!account) return null;
	const [openCohorts, trail] = await Promise.all([
		account.role === 'counsellor' ? countOpenCohorts(db, userId) : 0,
		listAuditAboutStudent(db, userId)
	]);
	return { account, openCohorts, trail };
}

export type AdminRefusal = { ok: false; status: 400 | 404; message: string };
export type AdminOutcome = { ok: true } | AdminRefusal;

/** An administrator acts on other accounts: on their own, they would lock themselves out. */
function refuseOwnAccount(admin: Admin, userId: string): AdminRefusal | null {
	return admin.id === userId ? { ok: false, status: 400, message: m.admin_not_yourself() } : null;
}

const notFound = (): AdminRefusal => ({ ok: false, status: 404, message: m.admin_account_not_found() });

export async function changeRoleAudited(
	admin: Admin,
	userId: string,
	role: User['role'],
	now = new Date()
): Promise<AdminOutcome> {
	const refused = refuseOwnAccount(admin, userId);
	if (refused) return refused;
	const db = getDb();
	if (!(await findAccountSummary(db, userId))) return notFound();
	if (await changeAccountRole(db, { userId, role, actor: admin, now }))
		logSecurityEvent('role_changed', { userId, actorId: admin.id });
	return { ok: true };
}

export async function setDisabledAudited(
	admin: Admin,
	userId: string,
	disabled: boolean,
	now = new Date()
): Promise<AdminOutcome> {
	const refused = refuseOwnAccount(admin, userId);
	if (refused) return refused;
	const db = getDb();
	if (!(await findAccountSummary(db, userId))) return notFound();
	if (await setAccountDisabled(db, { userId, disabled, actor: admin, now }))
		logSecurityEvent(disabled ? 'account_disabled' : 'account_enabled', { userId, actorId: admin.id });
	return { ok: true };
}

export async function issueResetAsAdmin(
	admin: Admin,
	userId: string,
	now = new Date()
): Promise<({ ok: true } & IssuedReset) | AdminRefusal> {
	const refused = refuseOwnAccount(admin, userId);
	if (refused) return refused;
	if (!(await findAccountSummary(getDb(), userId))) return notFound();
	return { ok: true, ...(await issueReset(admin, userId, now)) };
}
