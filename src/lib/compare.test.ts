import { describe, expect, it } from 'vitest';
import type { Match } from '$lib/engine';
import { rankMoves } from './compare';

const match = (slug: string, score: number): Match => ({
	slug,
	score,
	band: 'proche',
	interestFit: null,
	skillFit: null,
	drivers: [],
	gaps: [],
	unknown: []
});

describe('rankMoves', () => {
	it('lists the careers whose score rose and fell the most, leaving out small changes', () => {
		const before = [match('a', 80), match('b', 70), match('c', 60), match('d', 50)];
		const after = [match('c', 85), match('a', 81), match('d', 56), match('b', 40)];
		const { rose, fell } = rankMoves(before, after);
		expect(rose.map((m) => m.slug)).toEqual(['c', 'd']);
		expect(fell.map((m) => m.slug)).toEqual(['b']);
		expect(rose[0]).toEqual({ slug: 'c', fromScore: 60, toScore: 85, fromRank: 3, toRank: 1 });
		expect(rankMoves(before, before)).toEqual({ rose: [], fell: [] });
	});
});
