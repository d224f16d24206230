import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';

/** TOTP as authenticator apps compute it (RFC 6238): 6 digits, a new code every 30 seconds. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

const stepAt = (now: number) => Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
const bytes = (text: string) => new TextEncoder().encode(text);

/**
 * The time step of a valid, unused code, or null. The codes of the previous and next 30 seconds are accepted
 * (clocks drift); a step not later than the last one accepted never is, so a code works once.
 */
export function acceptedStep(
	keyBase32: string,
	code: string,
	lastStep: number | null,
	now = Date.now()
): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const key = decodeBase32IgnorePadding(keyBase32);
	const current = stepAt(now);
	for (const step of [current - 1, current, current + 1]) {
		if (lastStep !== null && step <= lastStep) continue;
		if (constantTimeEqual(bytes(generateHOTP(key, BigInt(step), TOTP_DIGITS)), bytes(code))) return step;
	}
	return null;
}
