import { error } from '@sveltejs/kit';
import { currentLocale } from '$lib/labels';
import { getCatalogue } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { findResultForOwner } from '$lib/server/db/repositories/results';
import { readOwnerHash } from '$lib/server/owner';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, cookies, setHeaders }) => {
	const ownerHash = readOwnerHash(cookies);
	const result = ownerHash ? findResultForOwner(getDb(), params.id, ownerHash) : null;
	// Someone else's result and a result that does not exist look the same from outside.
	if (!result) error(404, { message: 'Résultat introuvable' });
	setHeaders({ 'cache-control': 'private, no-store' });

	const catalogue = getCatalogue();
	const families = new Map(catalogue.families.map((f) => [f.id, f]));
	const locale = currentLocale();
	const matches = result.ranking.matches.map((match, index) => {
		const career = catalogue.careerBySlug.get(match.slug);
		const family = career ? families.get(career.familyId) : undefined;
		return {
			...match,
			rank: index + 1,
			// A career removed from the catalogue since keeps its place in the snapshot, without a page.
			title: career?.title ?? match.slug,
			hook: career?.hook ?? '',
			family: family ? family.name[locale] : '',
			exists: career !== undefined
		};
	});

	return {
		id: result.id,
		date: new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
			dateStyle: 'long',
			timeStyle: 'short',
			timeZone: 'Europe/Paris'
		}).format(result.createdAt),
		engineVersion: result.engineVersion,
		catalogueVersion: result.catalogueVersion,
		profile: result.ranking.profile,
		quality: result.ranking.quality,
		matches
	};
};
