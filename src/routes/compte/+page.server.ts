import { currentLocale } from '$lib/labels';
import { listAccountResults } from '$lib/server/account-space';
import { requireUser } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user } = requireUser(event);
	const format = new Intl.DateTimeFormat(currentLocale() === 'fr' ? 'fr-FR' : 'en-GB', {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'Europe/Paris'
	});
	return {
		identifier: user.identifier,
		results: listAccountResults(user.id).map((result) => ({
			...result,
			date: format.format(result.createdAt)
		}))
	};
};
