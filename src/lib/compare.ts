import type { Match } from '$lib/engine';

export interface RankMove {
	slug: string;
	fromScore: number;
	toScore: number;
	fromRank: number;
	toRank: number;
}

/** Score changes smaller than this are noise (one answer moved by one step), not a change of direction. */
const MIN_SCORE_CHANGE = 3;

/** The careers whose score rose or fell the most between two rankings (present in both). */
export function rankMoves(before: readonly Match[], after: readonly Match[], limit = 5) {
	const previous = new Map(before.map((match, index) => [match.slug, { match, rank: index + 1 }]));
	const moves: RankMove[] = [];
	after.forEach((match, index) => {
		const old = previous.get(match.slug);
		if (old) {
			moves.push({
				slug: match.slug,
				fromScore: old.match.score,
				toScore: match.score,
				fromRank: old.rank,
				toRank: index + 1
			});
		}
	});
	const change = (move: RankMove) => move.toScore - move.fromScore;
	return {
		rose: moves
			.filter((m) => change(m) >= MIN_SCORE_CHANGE)
			.sort((a, b) => change(b) - change(a) || a.toRank - b.toRank)
			.slice(0, limit),
		fell: moves
			.filter((m) => change(m) <= -MIN_SCORE_CHANGE)
			.sort((a, b) => change(a) - change(b) || a.toRank - b.toRank)
			.slice(0, limit)
	};
}
