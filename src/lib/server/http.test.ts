import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './http';

const ORIGIN = 'https://boussole.example';
/** Where a browser goes when it follows `Location: <path>` from our origin. */
const landsOn = (path: string) => new URL(path, ORIGIN).origin;

describe('safeRedirectPath', () => {
	it('keeps paths of this site, with their query and fragment', () => {
		expect(safeRedirectPath('/compte')).toBe('/compte');
		expect(safeRedirectPath('/resultats/abc?x=1#haut')).toBe('/resultats/abc?x=1#haut');
		expect(safeRedirectPath('/conseiller/cohortes/a/../b')).toBe('/conseiller/cohortes/b');
	});

	it('refuses every known way out, encoded or not', () => {
		const bypasses = [
			'//evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r/evil.example',
			'/\\evil.example',
			'\\/evil.example',
			'/\\/evil.example',
			'/.//evil.example',
			'/./\t/evil.example',
			'///evil.example',
			'https://evil.example',
			'http:evil.example',
			'javascript:alert(1)',
			'data:text/html,x',
			' //evil.example',
			'evil.example',
			'',
			'/\u0000/evil.example',
			'\u3000//evil.example',
			'／／evil.example',
			'/%0a/evil.example'.replace('%0a', '\n')
		];
		for (const target of bypasses)
			expect(safeRedirectPath(target, '/compte'), JSON.stringify(target)).toBe('/compte');
		expect(safeRedirectPath(42, '/x')).toBe('/x');
		expect(safeRedirectPath(null)).toBe('/');
	});

	it('leaves percent-encoded tricks on this site, where they are only odd paths', () => {
		for (const target of ['/%2F%2Fevil.example', '/%5Cevil.example', '/%09/evil.example', '/%E2%80%A8x'])
			expect(landsOn(safeRedirectPath(target))).toBe(ORIGIN);
	});

	it('never leads anywhere but this site, whatever the input', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.stringMatching(/^[/\\\t\n.:a-z%0-9@?#]{0,30}$/),
					fc
						.constantFrom('/', '//', '/\\', '/\t', '\\')
						.chain((start) => fc.string().map((rest) => start + rest))
				),
				(target) => {
					const path = safeRedirectPath(target);
					expect(path.startsWith('/') && !path.startsWith('//')).toBe(true);
					expect(landsOn(path)).toBe(ORIGIN);
					// eslint-disable-next-line no-control-regex -- control characters are what is checked
					expect(/[\u0000-\u001f\\]/.test(path)).toBe(false);
				}
			),
			{ numRuns: 2000 }
		);
	});
});
