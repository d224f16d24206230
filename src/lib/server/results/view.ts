import type { Ranking } from '$lib/engine';
import type { Locale } from '$lib/labels';
import type { Catalogue } from '../catalog/types';
import { explainedMatch } from './matching';

/** How many careers a result page explains in full; the others are rows of the full ranking. */
export const EXPLAINED_MATCHES = 5;

/**
 * A stored ranking as people read it: careers set aside (« pas pour moi ») left out, ranks counted again,
 * titles and families from the current catalogue. A career removed from the catalogue since keeps its place
 * in the snapshot, without a page.
 *
 * Only the first careers carry their explanation (why, what is missing, the hook): the page shows no more,
 * and whatever a page returns is sent again for hydration (a full ranking explained weighed 43 KB).
 */
export function matchesForDisplay(
	ranking: Ranking,
	dismissed: ReadonlySet<string>,
	catalogue: Catalogue,
	locale: Locale
) {
	const families = new Map(catalogue.families.map((f) => [f.id, f]));
	const kept = ranking.matches.filter((match) => !dismissed.has(match.slug));
	const listed = kept.map((match, index) => {
		const career = catalogue.careerBySlug.get(match.slug);
		const family = career ? families.get(career.familyId) : undefined;
		return {
			slug: match.slug,
			rank: index + 1,
			score: match.score,
			band: match.band,
			title: career?.title ?? match.slug,
			family: family ? family.name[locale] : '',
			exists: career !== undefined
		};
	});
	const explained = listed.slice(0, EXPLAINED_MATCHES).map((row, index) => {
		const { drivers, gaps, unknown } = explainedMatch(kept[index]!, ranking.profile, catalogue);
		const career = catalogue.careerBySlug.get(row.slug);
		return {
			...row,
			hook: career?.hook ?? '',
			entryLevel: career?.entryLevel ?? null,
			drivers,
			gaps,
			unknown
		};
	});
	return { explained, listed };
}

export type DisplayedMatches = ReturnType<typeof matchesForDisplay>;
