import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI } from '@oslojs/otp';
import { encode } from 'uqr';
import { m } from '$lib/paraglide/messages';
import { clear, reserve } from '../auth/throttle';
import { acceptedStep, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '../auth/totp';
import { completeSession, isStaff, type Session } from '../auth/session';
import { getDb } from '../db';
import {
	disableSecondFactor as removeSecondFactor,
	enableSecondFactor,
	findSecondFactor,
	offerSecondFactorKey,
	recordSecondFactorStep,
	remainingRecoveryCodes,
	useRecoveryCode
} from '../db/repositories/second-factor';
import type { User } from '../db/repositories/users';
import { logSecurityEvent } from '../security-log';
import { hashOneTimeCode, newOneTimeCode, unsaltedOneTimeCodeHash } from '../auth/one-time-code';

/**
 * The second factor, TOTP (RFC 6238): a 6-digit code that changes every 30 seconds, computed by an app on the
 * phone from a key shared once (a QR code, or the key as text). Required of counsellors and admins, offered
 * to students. Codes of the previous and next 30 seconds are accepted (clocks drift), each at most once:
 * the time step of the last code accepted is kept, and only later steps pass. Ten recovery codes stand in
 * for a lost phone; only their salted SHA-256 is kept, and each works once. Every check is throttled.
 */

const ISSUER = 'Boussole';
const RECOVERY_CODE_COUNT = 10;

export interface Enrolment {
	key: string;
	uri: string;
	/** The QR code as one SVG path over a `size` × `size` grid, for the page to draw: no script, no image. */
	qr: { size: number; path: string };
}

function qrCode(text: string): Enrolment['qr'] {
	const { data } = encode(text, { border: 2 });
	const path = data.flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : ''))).join('');
	return { size: data.length, path };
}

/** The key to scan, kept until a first code confirms it (a reload shows the same one). */
export async function offerSecondFactor(user: User): Promise<Enrolment> {
	const db = getDb();
	const existing = await findSecondFactor(db, user.id);
	let key = existing?.enabledAt === null ? existing.key : null;
	if (!key) {
		key = encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
		await offerSecondFactorKey(db, user.id, key);
	}
	const uri = createTOTPKeyURI(
		ISSUER,
		user.identifier,
		decodeBase32IgnorePadding(key),
		TOTP_PERIOD_SECONDS,
		TOTP_DIGITS
	);
	return { key, uri, qr: qrCode(uri) };
}

export type SecondFactorOutcome =
	| { ok: true; session: Session; recoveryCodes?: string[] }
	| { ok: false; status: 400 | 429; message: string };

async function reserveCheck(user: User): Promise<SecondFactorOutcome | null> {
	const reservation = await reserve('secondFactor', user.id);
	return reservation.ok
		? null
		: { ok: false, status: 429, message: m.error_throttled({ seconds: reservation.retryAfter }) };
}

/**
 * The first code confirms the key: the second factor is on, the session complete, and the ten recovery codes
 * are returned — shown once, never again. Writes a throttle record per attempt.
 */
export async function enrolSecondFactorThrottled(
	user: User,
	session: Session,
	code: string
): Promise<SecondFactorOutcome> {
	const refused = await reserveCheck(user);
	if (refused) return refused;
	const db = getDb();
	const pending = await findSecondFactor(db, user.id);
	const step =
		pending?.key && pending.enabledAt === null ? acceptedStep(pending.key, code.trim(), null) : null;
	if (step === null) {
		logSecurityEvent('second_factor_failed', { userId: user.id });
		return { ok: false, status: 400, message: m.second_factor_wrong_code() };
	}
	const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newOneTimeCode);
	await enableSecondFactor(
		db,
		user.id,
		step,
		recoveryCodes.map((recoveryCode) => hashOneTimeCode(user.id, recoveryCode))
	);
	await clear('secondFactor', user.id);
	logSecurityEvent('second_factor_enrolled', { userId: user.id });
	return { ok: true, session: await completeSession(db, session, user), recoveryCodes };
}

/** A code from the app, or a recovery code: either completes the session. Writes a throttle record per attempt. */
export async function verifySecondFactorThrottled(
	user: User,
	session: Session,
	code: string
): Promise<SecondFactorOutcome> {
	const refused = await reserveCheck(user);
	if (refused) return refused;
	const db = getDb();
	const factor = await findSecondFactor(db, user.id);
	if (!factor?.key || factor.enabledAt === null)
		return { ok: false, status: 400, message: m.second_factor_wrong_code() };
	const typed = code.trim();
	const step = acceptedStep(factor.key, typed, factor.lastStep);
	const accepted =
		step !== null
			? await recordSecondFactorStep(db, user.id, step)
			: await useRecoveryCode(db, user.id, [hashOneTimeCode(user.id, typed), unsaltedOneTimeCodeHash(typed)]);
	if (!accepted) {
		logSecurityEvent('second_factor_failed', { userId: user.id });
		return { ok: false, status: 400, message: m.second_factor_wrong_code() };
	}
	logSecurityEvent(step === null ? 'recovery_code_used' : 'second_factor_succeeded', { userId: user.id });
	await clear('secondFactor', user.id);
	return { ok: true, session: await completeSession(db, session, user) };
}

/** Turns the second factor off, given a valid code; staff may not (it is required of them). */
export async function turnOffSecondFactorThrottled(
	user: User,
	code: string
): Promise<{ ok: true } | { ok: false; status: 400 | 403 | 429; message: string }> {
	if (isStaff(user)) return { ok: false, status: 403, message: m.second_factor_required_for_staff() };
	const refused = await reserveCheck(user);
	if (refused && !refused.ok) return refused;
	const db = getDb();
	const factor = await findSecondFactor(db, user.id);
	const step =
		factor?.key && factor.enabledAt ? acceptedStep(factor.key, code.trim(), factor.lastStep) : null;
	if (step === null || !(await recordSecondFactorStep(db, user.id, step))) {
		logSecurityEvent('second_factor_failed', { userId: user.id });
		return { ok: false, status: 400, message: m.second_factor_wrong_code() };
	}
	await removeSecondFactor(db, user.id);
	logSecurityEvent('second_factor_removed', { userId: user.id });
	await clear('secondFactor', user.id);
	return { ok: true };
}

export async function recoveryCodesLeft(user: User): Promise<number> {
	return remainingRecoveryCodes(getDb(), user.id);
}
