import { requireAdmin } from '$lib/server/auth/guards';
import { ACCOUNTS_LISTED, accountFilterFrom, findAccounts } from '$lib/server/admin/accounts';
import { formatDate } from '$lib/labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const filter = accountFilterFrom(event.url.searchParams);
	const accounts = await findAccounts(filter);
	return {
		filter,
		limited: accounts.length === ACCOUNTS_LISTED,
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
