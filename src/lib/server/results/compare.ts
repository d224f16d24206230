import { rankMoves } from '$lib/compare';
import type { Profile } from '$lib/engine';
import { formatDate } from '$lib/labels';
import { getCatalogue } from '../catalog';
import type { Catalogue } from '../catalog/types';
import { getDb } from '../db';
import { listOwnerResultDates } from '../db/repositories/attempts';
import { findResultForOwner } from '../db/repositories/results';

export interface Comparison {
	before: { label: string; profile: Profile };
	after: { label: string; profile: Profile };
	rose: ReturnType<typeof withTitles>;
	fell: ReturnType<typeof withTitles>;
}

function withTitles(catalogue: Catalogue, moves: ReturnType<typeof rankMoves>['rose']) {
	return moves.map((move) => ({ ...move, title: catalogue.careerBySlug.get(move.slug)?.title ?? move.slug }));
}

/**
 * Two of a user's results side by side, chosen by the `a` (before) and `b` (after) URL parameters; by
 * default the previous one and the latest. Only that user's results can be picked: another id compares
 * nothing. The caller decides who may see them (the user, or an allowed counsellor).
 */
export async function compareUserResults(userId: string, params: URLSearchParams) {
	const db = getDb();
	const owner = { ownerHash: null, userId };
	const style = { dateStyle: 'medium', timeStyle: 'short' } as const;
	const results = (await listOwnerResultDates(db, owner)).map((r) => ({
		id: r.id,
		label: formatDate(r.createdAt, style)
	}));
	const a = params.get('a') ?? results[1]?.id ?? null;
	const b = params.get('b') ?? results[0]?.id ?? null;
	const [before, after] = await Promise.all([
		a ? findResultForOwner(db, a, owner) : null,
		b ? findResultForOwner(db, b, owner) : null
	]);
	let comparison: Comparison | null = null;
	if (before && after && a !== b) {
		const catalogue = await getCatalogue();
		const moves = rankMoves(before.ranking.matches, after.ranking.matches);
		comparison = {
			before: { label: formatDate(before.createdAt, style), profile: before.ranking.profile },
			after: { label: formatDate(after.createdAt, style), profile: after.ranking.profile },
			rose: withTitles(catalogue, moves.rose),
			fell: withTitles(catalogue, moves.fell)
		};
	}
	return { results, selected: { a, b }, same: a !== null && a === b, comparison };
}
