import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32UpperCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Codes a person copies by hand: second-factor recovery codes, password reset codes. « 7Q3KD-MX2PA »: 50 bits,
 * in the base32 alphabet (no 0/O or 1/I to confuse); typed in any case, with or without the dash.
 */
export function newOneTimeCode(): string {
	const raw = encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(7))).slice(0, 10);
	return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

const normalised = (code: string) => code.toUpperCase().replace(/[^A-Z2-7]/g, '');
const sha256Hex = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));

/**
 * 50 bits is under the 112 that would need no salt (ASVS 2.6.2): a code is hashed with its account's id,
 * 120 random bits unique to the account, so one precomputed table cannot serve every account.
 */
export const hashOneTimeCode = (userId: string, code: string) => sha256Hex(`${userId}:${normalised(code)}`);

/** Recovery codes given before they were salted (until December 2026) are kept as they were, and still work once. */
export const unsaltedOneTimeCodeHash = (code: string) => sha256Hex(normalised(code));
