import { getDb } from '../db';
import { logSecurityEvent } from '../security-log';
import {
	clearAttempts,
	releaseAttempt,
	reserveAttempt,
	type Reservation,
	type ThrottlePolicy
} from '../db/repositories/throttles';

/**
 * The throttles of Boussole, shared by every app process (they live in the database, `throttles` table).
 * Each attempt is reserved before it is checked; a success gives it back (`release`) or wipes the slate
 * (`clear`), a failure leaves it counted.
 */

const MINUTE = 60_000;

export const THROTTLES = {
	/** Per account: 5 failed log-ins in 15 minutes, then 30 s, 1, 2, 4… minutes, 15 minutes at most. */
	loginAccount: { limit: 5, windowMs: 15 * MINUTE, lockMs: 30_000, maxLockMs: 15 * MINUTE },
	/**
	 * Per address, whatever the account: 100 failures in 15 minutes. Generous on purpose: a whole class
	 * often shares one school address, and the per-account limit is what protects each account.
	 */
	loginAddress: { limit: 100, windowMs: 15 * MINUTE, lockMs: MINUTE, maxLockMs: 15 * MINUTE },
	/** Per address, sign-ups: 60 an hour (a class of 35 signing up together stays well below). */
	signupAddress: { limit: 60, windowMs: 60 * MINUTE, lockMs: 5 * MINUTE, maxLockMs: 60 * MINUTE },
	/** Per account, wrong cohort codes: 10 in 15 minutes, then a pause; a typo costs nothing, guessing does. */
	joinCode: { limit: 10, windowMs: 15 * MINUTE, lockMs: MINUTE, maxLockMs: 15 * MINUTE },
	/** Per account, the current password asked again (password change, deletion): as for log-in. */
	reauth: { limit: 5, windowMs: 15 * MINUTE, lockMs: 30_000, maxLockMs: 15 * MINUTE },
	/** Per identifier, password reset codes: 5 wrong in 15 minutes, then 30 s, 1, 2… minutes (a code has 2⁵⁰ values). */
	passwordReset: { limit: 5, windowMs: 15 * MINUTE, lockMs: 30_000, maxLockMs: 15 * MINUTE },
	/** Per account, second-factor codes: 5 wrong in 15 minutes, then 30 s, 1, 2… minutes (a code has 10⁶ values). */
	secondFactor: { limit: 5, windowMs: 15 * MINUTE, lockMs: 30_000, maxLockMs: 15 * MINUTE },
	/**
	 * Per address, quiz answers saved without an account: generous (a class of 35 taking the quiz at once from
	 * one school address saves about 600 pages in ten minutes), enough to stop a script filling the database.
	 */
	anonymousWrites: { limit: 3000, windowMs: 10 * MINUTE, lockMs: MINUTE, maxLockMs: 10 * MINUTE }
} satisfies Record<string, ThrottlePolicy>;

export type ThrottleName = keyof typeof THROTTLES;

const keyOf = (name: ThrottleName, subject: string) => `${name}:${subject}`;

export async function reserve(name: ThrottleName, subject: string, now?: Date): Promise<Reservation> {
	const reservation = await reserveAttempt(getDb(), keyOf(name, subject), THROTTLES[name], now);
	if (!reservation.ok) logSecurityEvent('throttled', { throttle: name });
	return reservation;
}

export function release(name: ThrottleName, subject: string): Promise<void> {
	return releaseAttempt(getDb(), keyOf(name, subject));
}

export function clear(name: ThrottleName, subject: string): Promise<void> {
	return clearAttempts(getDb(), keyOf(name, subject));
}
