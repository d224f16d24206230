import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCommonPassword, commonPasswords } from './common-passwords';
import { checkIdentifier, normaliseIdentifier } from './identifier';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';

describe('checkIdentifier', () => {
	it('accepts emails and pseudonyms, normalised to one spelling', () => {
		expect(checkIdentifier('  Lea.Martin@Exemple.FR ')).toEqual({
			ok: true,
			identifier: 'lea.martin@exemple.fr',
			kind: 'email'
		});
		expect(checkIdentifier('Zoé_93')).toEqual({ ok: true, identifier: 'zoé_93', kind: 'pseudonym' });
	});

	it.each(['', '   ', 'ab', 'a b c', 'nom@', '@domaine.fr', 'x@y', '-tiret', 'a'.repeat(40)])(
		'refuses %j',
		(value) => {
			expect(checkIdentifier(value).ok).toBe(false);
		}
	);

	it('never accepts what it cannot store: whatever the input, an accepted identifier is normalised and short', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (raw) => {
				const check = checkIdentifier(raw);
				if (check.ok) {
					expect(check.identifier).toBe(normaliseIdentifier(check.identifier));
					expect([...check.identifier].length).toBeLessThanOrEqual(254);
					expect(check.identifier).not.toMatch(/\s/);
				}
			})
		);
	});

	it('is insensitive to case and surrounding spaces', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[a-z][a-z0-9._-]{2,20}$/), (pseudonym) => {
				expect(checkIdentifier(` ${pseudonym.toUpperCase()} `)).toEqual(checkIdentifier(pseudonym));
			})
		);
	});
});

describe('checkPassword', () => {
	it('bundles at least 10,000 common passwords, French and English', () => {
		expect(commonPasswords().size).toBeGreaterThanOrEqual(10_000);
		for (const common of [
			'password',
			'123456789',
			'azerty123',
			'motdepasse',
			'soleil2024',
			'Thomas1995',
			'jetaime!',
			'qwertyuiop'
		]) {
			expect(isCommonPassword(common), common).toBe(true);
		}
	});

	it('accepts any long enough, uncommon password, in any script, with no composition rule', () => {
		for (const good of [
			'correct horse battery staple',
			'ma tortue boit du thé vert',
			'пароль-из-сибири',
			'漢字のパスワードです',
			'xk7#Lm2!qz'
		]) {
			expect(checkPassword(good), good).toEqual({ ok: true });
		}
	});

	it('counts characters, not bytes: 8 emoji are a valid length, 7 are not', () => {
		expect(checkPassword('🦊🐢🌵🚲🎹🧭🌋🪁').ok).toBe(true);
		expect(checkPassword('🦊🐢🌵🚲🎹🧭🌋')).toEqual({ ok: false, reason: 'too_short' });
	});

	it('refuses by length exactly at the bounds, whatever the characters', () => {
		const char = fc.constantFrom('a', 'é', 'ß', '字', '🧭', ' ', '7');
		fc.assert(
			fc.property(fc.array(char, { minLength: 0, maxLength: 300 }), (chars) => {
				const password = `${chars.join('')}`;
				const check = checkPassword(password);
				const length = chars.length;
				if (length < PASSWORD_MIN_LENGTH) expect(check).toEqual({ ok: false, reason: 'too_short' });
				else if (length > PASSWORD_MAX_LENGTH) expect(check).toEqual({ ok: false, reason: 'too_long' });
				else expect(check.ok || check.reason === 'common').toBe(true);
			})
		);
	});

	it('refuses the identifier as password', () => {
		expect(checkPassword('Eleve.Demo42', 'eleve.demo42')).toEqual({
			ok: false,
			reason: 'same_as_identifier'
		});
	});
});
