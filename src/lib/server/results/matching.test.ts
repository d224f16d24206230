import { beforeAll, describe, expect, it } from 'vitest';
import { computeProfile } from '$lib/engine';
import { SHORT_STUDIES } from '$lib/vocabulary';
import { readCatalogue } from '../db/repositories/catalogue';
import { freshTestDatabase } from '../test-database';
import type { Catalogue } from '../catalog/types';
import {
	STORED_EXPLANATIONS,
	explainedMatch,
	rankAnswers,
	rankForShortStudies,
	rankProfile
} from './matching';
import { EXPLAINED_MATCHES, matchesForDisplay } from './view';

let catalogue: Catalogue;

beforeAll(async () => {
	catalogue = (await readCatalogue(await freshTestDatabase()))!;
});

describe('the « 2 ans d’études ou moins » view', () => {
	it('ranks the stored profile again and keeps every career open after a CAP, the bac or bac + 2, in order', () => {
		const answers = Object.fromEntries(catalogue.questions.map((q, i) => [q.id, 1 + (i % 5)]));
		const profile = computeProfile(catalogue.questions, answers);
		const short = rankForShortStudies(catalogue, profile);
		const expected = catalogue.careers.filter((c) => SHORT_STUDIES.includes(c.entryLevel)).map((c) => c.slug);
		expect(short.matches.map((m) => m.slug).sort()).toEqual([...expected].sort());
		// The same order as the whole ranking, with the longer studies left out.
		const whole = rankProfile(catalogue, profile).matches.map((m) => m.slug);
		expect(short.matches.map((m) => m.slug)).toEqual(whole.filter((slug) => expected.includes(slug)));
	});
});

describe('a ranking as a result page shows it', () => {
	it('explains the first careers only and lists every other one in a light row, set-aside careers left out', () => {
		const answers = Object.fromEntries(catalogue.questions.map((q, i) => [q.id, 1 + ((i * 3) % 5)]));
		const ranking = rankProfile(catalogue, computeProfile(catalogue.questions, answers));
		const setAside = ranking.matches[1]!.slug;
		const { explained, listed } = matchesForDisplay(ranking, new Set([setAside]), catalogue, 'fr');

		expect(listed.map((row) => row.slug)).toEqual(
			ranking.matches.map((m) => m.slug).filter((slug) => slug !== setAside)
		);
		expect(listed.map((row) => row.rank)).toEqual(listed.map((_, index) => index + 1));
		// What hydration carries for the other careers: no explanation, no hook.
		for (const row of listed)
			expect(Object.keys(row).sort()).toEqual(['band', 'exists', 'family', 'rank', 'score', 'slug', 'title']);

		expect(explained).toHaveLength(EXPLAINED_MATCHES);
		explained.forEach((match, index) => {
			const stored = ranking.matches.find((m) => m.slug === match.slug)!;
			expect(match).toMatchObject({ ...listed[index], drivers: stored.drivers, gaps: stored.gaps });
			expect(match.hook).not.toBe('');
		});
	});
});

describe('a stored ranking explains its first careers; the others are explained when a page needs them', () => {
	it('gives every career the explanation a fully explained ranking has', () => {
		const answers = Object.fromEntries(catalogue.questions.map((q, i) => [q.id, 1 + ((i * 7) % 5)]));
		const stored = rankAnswers(catalogue, answers, STORED_EXPLANATIONS);
		const whole = rankAnswers(catalogue, answers);
		expect(stored.matches.filter((match) => match.drivers !== undefined)).toHaveLength(STORED_EXPLANATIONS);
		stored.matches.forEach((match, index) =>
			expect(explainedMatch(match, stored.profile, catalogue)).toEqual(whole.matches[index])
		);
		// A career gone from the catalogue since says nothing, rather than failing the page.
		const gone = { ...stored.matches.at(-1)!, slug: 'metier-retire' };
		expect(explainedMatch(gone, stored.profile, catalogue)).toMatchObject({
			drivers: [],
			gaps: [],
			unknown: []
		});
	});
});
