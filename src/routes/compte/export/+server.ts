import { error, json } from '@sveltejs/kit';
import { exportMyData } from '$lib/server/accounts/accounts';
import { requireUser } from '$lib/server/auth/guards';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** Everything Boussole holds about the signed-in user, as a JSON download (RGPD access and portability). */
export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const data = await exportMyData(user);
	if (!data) error(404, { message: m.error_account_not_found() });
	return json(data, {
		headers: {
			'content-disposition': `attachment; filename="boussole-mes-donnees-${data.exportedAt.slice(0, 10)}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
