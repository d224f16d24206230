import { requireAdmin } from '$lib/server/auth/guards';
import { accountFilterFrom, findAccounts } from '$lib/server/admin/accounts';
import { formatDate } from '$lib/labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const filter = accountFilterFrom(event.url.searchParams);
	const { accounts, more } = await findAccounts(filter);
	return {
		filter,
		limited: more,
		accounts: accounts.map((account) => ({
			id: account.id,
			identifier: account.identifier,
			role: account.role,
			created: formatDate(account.createdAt),
			lastActive: account.lastActiveAt ? formatDate(account.lastActiveAt) : null,
			disabled: account.disabledAt !== null,
			secondFactorOn: account.secondFactorOn
		}))
	};
};
