/** Pseudonyms let students without an email sign up: letters, digits, dot, dash, underscore. */
const PSEUDONYM = /^[\p{L}\p{N}][\p{L}\p{N}._-]{2,31}$/u;
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/u;
export const IDENTIFIER_MAX_LENGTH = 254;

export type IdentifierCheck =
	| { ok: true; identifier: string; kind: 'email' | 'pseudonym' }
	| { ok: false; reason: 'empty' | 'too_long' | 'invalid' };

/** One spelling per person: trimmed, Unicode NFC, lower case (« Léa.M » and « léa.m » are the same). */
export function normaliseIdentifier(raw: string): string {
	return raw.trim().normalize('NFC').toLowerCase();
}

export function checkIdentifier(raw: unknown): IdentifierCheck {
	if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'empty' };
	const identifier = normaliseIdentifier(raw);
	if ([...identifier].length > IDENTIFIER_MAX_LENGTH) return { ok: false, reason: 'too_long' };
	if (identifier.includes('@')) {
		return EMAIL.test(identifier)
			? { ok: true, identifier, kind: 'email' }
			: { ok: false, reason: 'invalid' };
	}
	return PSEUDONYM.test(identifier)
		? { ok: true, identifier, kind: 'pseudonym' }
		: { ok: false, reason: 'invalid' };
}
