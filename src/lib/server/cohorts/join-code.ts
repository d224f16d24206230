/**
 * Join codes are read aloud in a classroom and typed on phones: eight characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), shown as two groups of four. 31⁸ ≈ 8.5 × 10¹¹ codes, and failed tries are
 * throttled per account, so guessing one is out of reach.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;

export function generateJoinCode(): string {
	let code = '';
	while (code.length < JOIN_CODE_LENGTH) {
		for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
			// Rejection sampling: 248 = 8 × 31, so every character is equally likely.
			if (byte < 248 && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % 31];
		}
	}
	return code;
}

/** What was typed → the stored form, or null when it cannot be a code (case, spaces and dashes forgiven). */
export function normalizeJoinCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== JOIN_CODE_LENGTH) return null;
	for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
	return code;
}

export function formatJoinCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}
