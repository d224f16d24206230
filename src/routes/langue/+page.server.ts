import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { defineForm, readForm } from '$lib/server/forms';
import { safeRedirectPath } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

const languageForm = defineForm(
	z.object({
		locale: z.string().refine(isLocale, { error: () => m.error_field_invalid() }),
		redirectTo: z.string()
	})
);

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const input = await readForm(request, languageForm);
		// This route has no page to show a form's errors on: the refusal is the error page.
		if (!input.ok) error(400, { message: m.error_field_invalid() });
		// Readable by the browser on purpose: paraglide reads the locale from it on the client.
		cookies.set(cookieName, input.data.locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: cookieMaxAge
		});
		redirect(303, safeRedirectPath(input.data.redirectTo));
	}
};
