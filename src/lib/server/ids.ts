import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

function randomBase32(bytes: number): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** ID with 120 bits of entropy, or about the same as UUID v4: unguessable in a URL. */
export function generateId(): string {
	return randomBase32(15);
}

/** A bearer secret for a cookie: 160 bits. Only its hash is ever stored. */
export function generateToken(): string {
	return randomBase32(20);
}

export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
