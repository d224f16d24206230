import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogueContent } from './content';
import { citedDiplomas, frenchTypography, styleProblems } from './house-style';

const NBSP = '\u00a0';
const NARROW = '\u202f';

describe('frenchTypography', () => {
	it('puts no-break spaces before « : ; ? ! » and inside guillemets', () => {
		expect(frenchTypography('Pourquoi ? Ceci : « test » ; oui!')).toBe(
			`Pourquoi${NARROW}? Ceci${NBSP}: «${NBSP}test${NBSP}»${NARROW}; oui${NARROW}!`
		);
	});

	it('is idempotent and leaves URLs, times and English alone', () => {
		const once = frenchTypography('Voir https://www.onisep.fr : « le guide » !');
		expect(frenchTypography(once)).toBe(once);
		expect(once).toContain('https://www.onisep.fr');
		expect(frenchTypography('ratio 16:9')).toBe('ratio 16:9');
	});
});

describe('citedDiplomas', () => {
	it('finds diplomas by their designation', () => {
		expect(
			citedDiplomas(
				'Après un bac pro CIEL, le BTS SIO ou le BUT Informatique ; en reconversion, le titre professionnel « Technicien supérieur systèmes et réseaux ».'
			).sort()
		).toEqual(
			[
				'BTS SIO',
				'BUT Informatique',
				'bac pro CIEL',
				'titre professionnel Technicien supérieur systèmes et réseaux'
			].sort()
		);
	});
});

describe('styleProblems', () => {
	const content = loadCatalogueContent('content');
	const career = content.careers[0]!;
	const training = content.trainings[0]!;

	it('names the file and the field of each problem', () => {
		const problems = styleProblems({
			careers: [
				{
					...career,
					hook: 'Tu fais tourner les serveurs.',
					summary: 'Le·la spécialiste répare.',
					paths: { ...career.paths, long: 'Avec le BTS Imaginaire, on y arrive.' }
				}
			],
			trainings: [{ ...training, financing: ['cpf'], registration: { rncp: 'à vérifier', rs: null } }],
			questions: []
		});
		const at = (field: string) => problems.filter((p) => p.field === field).map((p) => p.problem);
		expect(at('hook').join()).toMatch(/tutoiement/);
		expect(at('hook').join()).toMatch(/infinitif/);
		expect(at('summary').join()).toMatch(/point médian/);
		expect(at('paths.long').join()).toMatch(/BTS Imaginaire/);
		expect(at('financing').join()).toMatch(/CPF/);
		expect(problems.every((p) => p.file.endsWith('.json'))).toBe(true);
	});
});

describe('the interface text', () => {
	it('has no point médian between letters, in the messages or in the pages (« · » as a separator is fine)', () => {
		const between = /\p{L}·\p{L}/u;
		const messages = JSON.parse(readFileSync('messages/fr.json', 'utf8')) as Record<string, string>;
		const offending = Object.entries(messages)
			.filter(([, text]) => between.test(text))
			.map(([key]) => `messages/fr.json: ${key}`);
		for (const file of readdirSync('src/routes', { recursive: true, encoding: 'utf8' }))
			if (file.endsWith('.svelte') && between.test(readFileSync(join('src/routes', file), 'utf8')))
				offending.push(`src/routes/${file}`);
		expect(offending).toEqual([]);
	});
});
