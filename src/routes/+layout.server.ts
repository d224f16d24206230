import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	signedIn: locals.user !== null,
	counsellor: locals.user?.role === 'counsellor',
	admin: locals.user?.role === 'admin',
	editor: locals.user?.role === 'editor' || locals.user?.role === 'admin'
});
