import { redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

/** The back-office opens on the accounts, its only space for now. */
export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	redirect(303, '/admin/comptes');
};
