import { beforeAll, describe, expect, it } from 'vitest';
import { computeProfile } from '$lib/engine';
import { SHORT_STUDIES } from '$lib/vocabulary';
import { readCatalogue } from '../db/repositories/catalogue';
import { freshTestDatabase } from '../test-database';
import type { Catalogue } from '../catalog/types';
import { rankForShortStudies, rankProfile } from './matching';

let catalogue: Catalogue;

beforeAll(async () => {
	catalogue = await readCatalogue(await freshTestDatabase());
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
