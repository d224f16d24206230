import { hash, verify } from '@node-rs/argon2';
import { isCommonPassword } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordCheck =
	{ ok: true } | { ok: false; reason: 'too_short' | 'too_long' | 'common' | 'same_as_identifier' };

/**
 * NIST-style rules: a length (counted in characters, any Unicode), no composition rules, and not one of
 * the passwords attackers try first.
 */
export function checkPassword(password: unknown, identifier?: string): PasswordCheck {
	if (typeof password !== 'string') return { ok: false, reason: 'too_short' };
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) return { ok: false, reason: 'too_short' };
	if (length > PASSWORD_MAX_LENGTH) return { ok: false, reason: 'too_long' };
	if (identifier && password.normalize('NFC').toLowerCase() === identifier)
		return { ok: false, reason: 'same_as_identifier' };
	if (isCommonPassword(password)) return { ok: false, reason: 'common' };
	return { ok: true };
}

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFC'), ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password.normalize('NFC'));
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification when there is no account to check against, so that the
 * response time does not tell whether an identifier exists.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
	dummyHash ??= hashPassword('boussole: no such account');
	await verifyPassword(await dummyHash, password);
	return false;
}
