import { error, json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { exportUserData } from '$lib/server/db/repositories/users';
import type { RequestHandler } from './$types';

/** Everything Boussole holds about the signed-in user, as a JSON download (RGPD access and portability). */
export const GET: RequestHandler = (event) => {
	const { user } = requireUser(event);
	const data = exportUserData(getDb(), user.id);
	if (!data) error(404, { message: 'Compte introuvable' });
	return json(
		{ exportedAt: new Date().toISOString(), ...data },
		{
			headers: {
				'content-disposition': `attachment; filename="boussole-mes-donnees-${new Date().toISOString().slice(0, 10)}.json"`,
				'cache-control': 'private, no-store'
			}
		}
	);
};
