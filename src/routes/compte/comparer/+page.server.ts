import { rankMoves } from '$lib/compare';
import { currentLocale } from '$lib/labels';
import { listAccountResults } from '$lib/server/account-space';
import { requireUser } from '$lib/server/auth/guards';
import { getCatalogue } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { findResultForOwner } from '$lib/server/db/repositories/results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user } = requireUser(event);
	const format = new Intl.DateTimeFormat(currentLocale() === 'fr' ? 'fr-FR' : 'en-GB', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Paris'
	});
	const results = listAccountResults(user.id).map((r) => ({ id: r.id, label: format.format(r.createdAt) }));
	// Oldest first by default: « before » then « after ».
	const a = event.url.searchParams.get('a') ?? results[1]?.id ?? null;
	const b = event.url.searchParams.get('b') ?? results[0]?.id ?? null;
	const owner = { ownerHash: null, userId: user.id };
	const before = a ? findResultForOwner(getDb(), a, owner) : null;
	const after = b ? findResultForOwner(getDb(), b, owner) : null;
	const catalogue = getCatalogue();
	const title = (slug: string) => catalogue.careerBySlug.get(slug)?.title ?? slug;

	const comparable = before !== null && after !== null && a !== b;
	const moves = comparable
		? rankMoves(before.ranking.matches, after.ranking.matches)
		: { rose: [], fell: [] };
	const withTitles = (list: typeof moves.rose) => list.map((move) => ({ ...move, title: title(move.slug) }));

	return {
		results,
		selected: { a, b },
		same: a !== null && a === b,
		comparison: comparable
			? {
					before: { label: format.format(before.createdAt), profile: before.ranking.profile },
					after: { label: format.format(after.createdAt), profile: after.ranking.profile },
					rose: withTitles(moves.rose),
					fell: withTitles(moves.fell)
				}
			: null
	};
};
