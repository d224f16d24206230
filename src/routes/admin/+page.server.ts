import { redirect } from '@sveltejs/kit';
import { requireEditor } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

/** The back-office opens on the accounts for administrators, on the catalogue for editors. */
export const load: PageServerLoad = async (event) => {
	const { user } = requireEditor(event);
	redirect(303, user.role === 'admin' ? '/admin/comptes' : '/admin/contenu');
};
