import { describe, expect, it } from 'vitest';
import { expandInclusiveForms, matchScore, normaliseForSearch, searchTerms } from './search';

describe('normaliseForSearch', () => {
	it.each([
		['Développeur·euse back-end', 'developpeur developpeuse back end'],
		['Administrateur·rice systèmes', 'administrateur administratrice systemes'],
		['Technicien·ne réseaux', 'technicien technicienne reseaux'],
		['Chef·fe de projet', 'chef cheffe de projet'],
		['Ingénieur·e DevOps', 'ingenieur ingenieure devops'],
		['les utilisateur·rice·s', 'les utilisateurs utilisatrices'],
		['  ÉCOLE   d’ingénieur ', 'ecole d ingenieur']
	])('%s → %s', (input, expected) => {
		expect(normaliseForSearch(input)).toBe(expected);
	});

	it('leaves plain words alone', () => {
		expect(expandInclusiveForms('Data analyst')).toBe('Data analyst');
	});
});

describe('matchScore', () => {
	const fields = [
		{ text: normaliseForSearch('Développeur·euse back-end'), weight: 3 },
		{ text: normaliseForSearch('Il·elle construit des API'), weight: 1 }
	];

	it('finds « developpeur », « développeuse » and « DÉVELOPPEUR » alike', () => {
		for (const query of ['developpeur', 'développeuse', 'DÉVELOPPEUR', 'dévelop']) {
			expect(matchScore(searchTerms(query), fields), query).toBeGreaterThan(0);
		}
	});

	it('needs every term, and ranks title words above body words', () => {
		expect(matchScore(searchTerms('developpeur jardin'), fields)).toBe(0);
		expect(matchScore(searchTerms('back'), fields)).toBeGreaterThan(matchScore(searchTerms('api'), fields));
	});
});
