import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { checkIdentifier, type IdentifierCheck } from '../auth/identifier';
import { checkPassword, type PasswordCheck } from '../auth/password';
import { checkbox, defineForm } from '../forms';

export const MIN_SIGNUP_AGE = 10;
/** French law (loi Informatique et libertés, art. 45): under 15, a parent consents jointly. */
export const PARENTAL_CONSENT_AGE = 15;
export const PARENT_NAME_MAX = 120;

/**
 * With only a birth year we cannot know whether the birthday has passed: someone born in 2011 may still be
 * 14 all through 2026. So consent is asked whenever the person may be under 15.
 */
export function mayBeUnder15(birthYear: number, now = new Date()): boolean {
	return now.getFullYear() - birthYear <= PARENTAL_CONSENT_AGE;
}

function birthYearOf(raw: string, now = new Date()): number | null {
	if (!/^\d{4}$/.test(raw.trim())) return null;
	const year = Number(raw.trim());
	const age = now.getFullYear() - year;
	return age >= MIN_SIGNUP_AGE && age <= 110 ? year : null;
}

const IDENTIFIER_ERRORS: Record<Extract<IdentifierCheck, { ok: false }>['reason'], () => string> = {
	empty: m.error_identifier_empty,
	too_long: m.error_identifier_too_long,
	invalid: m.error_identifier_invalid
};

const PASSWORD_ERRORS: Record<Extract<PasswordCheck, { ok: false }>['reason'], () => string> = {
	too_short: m.error_password_too_short,
	too_long: m.error_password_too_long,
	common: m.error_password_common,
	same_as_identifier: m.error_password_same_as_identifier
};

export function passwordErrorMessage(check: Extract<PasswordCheck, { ok: false }>): string {
	return PASSWORD_ERRORS[check.reason]();
}

/**
 * Sign-up: an identifier (email or pseudonym), a password that is long enough and not a common one, a birth
 * year, and, whenever the person may be under 15, a parent's name and declaration. Every problem is named at
 * once, field by field.
 */
export const signupForm = defineForm(
	z
		.object({
			identifier: z.string().transform((raw) => checkIdentifier(raw)),
			password: z.string(),
			birthYear: z.string().transform((raw) => birthYearOf(raw)),
			parentName: z.string().transform((raw) => raw.normalize('NFC').trim().slice(0, PARENT_NAME_MAX)),
			parentConsent: checkbox
		})
		.superRefine((input, ctx) => {
			const problem = (path: string, message: string) =>
				ctx.addIssue({ code: 'custom', path: [path], message });
			if (!input.identifier.ok) problem('identifier', IDENTIFIER_ERRORS[input.identifier.reason]());
			const password = checkPassword(
				input.password,
				input.identifier.ok ? input.identifier.identifier : undefined
			);
			if (!password.ok) problem('password', passwordErrorMessage(password));
			if (input.birthYear === null) problem('birthYear', m.error_birth_year_invalid());
			else if (mayBeUnder15(input.birthYear)) {
				if (input.parentName === '') problem('parentName', m.error_parent_name_missing());
				if (!input.parentConsent) problem('parentConsent', m.error_parent_consent_missing());
			}
		}),
	{ secret: ['password'] }
);

/** Log-in: nothing is checked field by field, so that the form never tells which part was wrong. */
export const loginForm = defineForm(z.object({ identifier: z.string(), password: z.string() }), {
	secret: ['password']
});

/** A new password, under the same rules as at sign-up; the current one is checked by the service. */
export function passwordChangeForm(identifier: string) {
	return defineForm(
		z.object({ currentPassword: z.string(), newPassword: z.string() }).superRefine((input, ctx) => {
			const check = checkPassword(input.newPassword, identifier);
			if (!check.ok)
				ctx.addIssue({ code: 'custom', path: ['newPassword'], message: passwordErrorMessage(check) });
		}),
		{ secret: ['currentPassword', 'newPassword'] }
	);
}

export const deleteAccountForm = defineForm(z.object({ password: z.string() }), { secret: ['password'] });

/** A forgotten password: the identifier, the code a counsellor gave, and a new password under the sign-up rules. */
export const passwordResetForm = defineForm(
	z
		.object({ identifier: z.string(), code: z.string(), newPassword: z.string() })
		.superRefine((input, ctx) => {
			const problem = (path: string, message: string) =>
				ctx.addIssue({ code: 'custom', path: [path], message });
			const identifier = checkIdentifier(input.identifier);
			if (!identifier.ok) problem('identifier', IDENTIFIER_ERRORS[identifier.reason]());
			if (input.code.trim() === '') problem('code', m.error_reset_code_empty());
			const password = checkPassword(input.newPassword, identifier.ok ? identifier.identifier : undefined);
			if (!password.ok) problem('newPassword', passwordErrorMessage(password));
		}),
	{ secret: ['code', 'newPassword'] }
);
