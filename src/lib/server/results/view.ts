import type { Ranking } from '$lib/engine';
import type { Locale } from '$lib/labels';
import type { Catalogue } from '../catalog/types';

/**
 * A stored ranking as people read it: careers set aside (« pas pour moi ») left out, ranks counted again,
 * titles and families from the current catalogue. A career removed from the catalogue since keeps its place
 * in the snapshot, without a page.
 */
export function matchesForDisplay(
	ranking: Ranking,
	dismissed: ReadonlySet<string>,
	catalogue: Catalogue,
	locale: Locale
) {
	const families = new Map(catalogue.families.map((f) => [f.id, f]));
	return ranking.matches
		.filter((match) => !dismissed.has(match.slug))
		.map((match, index) => {
			const career = catalogue.careerBySlug.get(match.slug);
			const family = career ? families.get(career.familyId) : undefined;
			return {
				...match,
				rank: index + 1,
				title: career?.title ?? match.slug,
				hook: career?.hook ?? '',
				family: family ? family.name[locale] : '',
				entryLevel: career?.entryLevel ?? null,
				exists: career !== undefined
			};
		});
}

export type DisplayedMatch = ReturnType<typeof matchesForDisplay>[number];
