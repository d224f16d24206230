import type { Db } from '../db/client';
import { claimOwnerAttempts, createUser, findUserCredentials, type User } from '../db/repositories/users';
import { generateId } from '../ids';
import { checkIdentifier } from './identifier';
import { checkPassword, hashPassword, verifyAgainstNobody, verifyPassword } from './password';
import { createSession, type Session } from './session';
import { accountThrottle, ipThrottle, signupThrottle } from './throttle';

export const MIN_SIGNUP_AGE = 10;
/** French law (loi Informatique et libertés, art. 45): under 15, a parent consents jointly. */
export const PARENTAL_CONSENT_AGE = 15;

/**
 * With only a birth year we cannot know whether the birthday has passed: someone born in 2011 may still be
 * 14 all through 2026. So consent is asked whenever the person may be under 15.
 */
export function mayBeUnder15(birthYear: number, now = new Date()): boolean {
	return now.getFullYear() - birthYear <= PARENTAL_CONSENT_AGE;
}

export type SignupField = 'identifier' | 'password' | 'birthYear' | 'parentName' | 'parentConsent';
export type SignupError =
	| 'identifier_empty'
	| 'identifier_invalid'
	| 'identifier_too_long'
	| 'identifier_taken'
	| 'password_too_short'
	| 'password_too_long'
	| 'password_common'
	| 'password_same_as_identifier'
	| 'birth_year_invalid'
	| 'parent_name_missing'
	| 'parent_consent_missing';

export interface SignupInput {
	identifier: unknown;
	password: unknown;
	birthYear: unknown;
	parentName: unknown;
	parentConsent: unknown;
}

export type AuthSuccess = { ok: true; user: Pick<User, 'id' | 'role'>; token: string; session: Session };
export type SignupOutcome =
	| AuthSuccess
	| { ok: false; errors: Partial<Record<SignupField, SignupError>> }
	| { ok: false; throttled: number };

function parseBirthYear(value: unknown, now: Date): number | null {
	if (typeof value !== 'string' || !/^\d{4}$/.test(value.trim())) return null;
	const year = Number(value.trim());
	const age = now.getFullYear() - year;
	return age >= MIN_SIGNUP_AGE && age <= 110 ? year : null;
}

export async function signUp(
	db: Db,
	input: SignupInput,
	context: { ip: string; ownerHash: string | null; now?: Date }
): Promise<SignupOutcome> {
	const now = context.now ?? new Date();
	const wait = signupThrottle.retryAfter(context.ip, now.getTime());
	if (wait > 0) return { ok: false, throttled: wait };

	const errors: Partial<Record<SignupField, SignupError>> = {};
	const identifier = checkIdentifier(input.identifier);
	if (!identifier.ok) errors.identifier = `identifier_${identifier.reason}`;
	const password = checkPassword(input.password, identifier.ok ? identifier.identifier : undefined);
	if (!password.ok) errors.password = `password_${password.reason}`;
	const birthYear = parseBirthYear(input.birthYear, now);
	if (birthYear === null) errors.birthYear = 'birth_year_invalid';
	const parentName = typeof input.parentName === 'string' ? input.parentName.trim().slice(0, 120) : '';
	if (birthYear !== null && mayBeUnder15(birthYear, now)) {
		if (parentName === '') errors.parentName = 'parent_name_missing';
		if (input.parentConsent !== 'on') errors.parentConsent = 'parent_consent_missing';
	}
	if (Object.keys(errors).length > 0 || !identifier.ok || birthYear === null) return { ok: false, errors };

	const id = generateId();
	const created = createUser(db, {
		id,
		identifier: identifier.identifier,
		passwordHash: await hashPassword(input.password as string),
		birthYear,
		parentalConsentName: mayBeUnder15(birthYear, now) ? parentName : null,
		now
	});
	signupThrottle.record(context.ip, now.getTime());
	// Saying that an identifier is taken reveals that it exists; for a sign-up form there is no way around
	// it, so the log-in form (where it matters) never says it, and sign-ups are throttled per address.
	if (!created) return { ok: false, errors: { identifier: 'identifier_taken' } };

	const user = { id, role: 'student' as const };
	if (context.ownerHash) claimOwnerAttempts(db, id, context.ownerHash);
	return { ok: true, user, ...createSession(db, user, now.getTime()) };
}

export type LoginOutcome = AuthSuccess | { ok: false; reason: 'invalid' } | { ok: false; throttled: number };

/**
 * One answer for every failure (unknown identifier or wrong password), in about the same time, so that
 * the form does not tell whether an account exists. Throttled per account and per address.
 */
export async function logIn(
	db: Db,
	input: { identifier: unknown; password: unknown },
	context: { ip: string; ownerHash: string | null; now?: Date }
): Promise<LoginOutcome> {
	const now = (context.now ?? new Date()).getTime();
	const identifier = checkIdentifier(input.identifier);
	const password = typeof input.password === 'string' ? input.password : '';
	const accountKey = identifier.ok ? identifier.identifier : '';
	const wait = Math.max(ipThrottle.retryAfter(context.ip, now), accountThrottle.retryAfter(accountKey, now));
	if (wait > 0) return { ok: false, throttled: wait };

	const found = identifier.ok ? findUserCredentials(db, identifier.identifier) : null;
	const valid = found
		? await verifyPassword(found.passwordHash, password)
		: await verifyAgainstNobody(password);
	if (!found || !valid) {
		ipThrottle.record(context.ip, now);
		if (accountKey) accountThrottle.record(accountKey, now);
		return { ok: false, reason: 'invalid' };
	}
	accountThrottle.clear(accountKey);
	if (context.ownerHash) claimOwnerAttempts(db, found.id, context.ownerHash);
	return { ok: true, user: found, ...createSession(db, found, now) };
}
