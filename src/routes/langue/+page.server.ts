import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeRedirectPath } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const locale = form.get('locale');
		if (typeof locale === 'string' && isLocale(locale)) {
			// Readable by the browser on purpose: paraglide reads the locale from it on the client.
			cookies.set(cookieName, locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: cookieMaxAge });
		}
		redirect(303, safeRedirectPath(form.get('redirectTo')));
	}
};
