import { m } from '$lib/paraglide/messages';
import type { SignupError } from './account';
import type { PasswordCheck } from './password';

type PasswordReason = Extract<PasswordCheck, { ok: false }>['reason'];

const SIGNUP_ERRORS: Record<SignupError, () => string> = {
	identifier_empty: m.error_identifier_empty,
	identifier_invalid: m.error_identifier_invalid,
	identifier_too_long: m.error_identifier_too_long,
	identifier_taken: m.error_identifier_taken,
	password_too_short: m.error_password_too_short,
	password_too_long: m.error_password_too_long,
	password_common: m.error_password_common,
	password_same_as_identifier: m.error_password_same_as_identifier,
	birth_year_invalid: m.error_birth_year_invalid,
	parent_name_missing: m.error_parent_name_missing,
	parent_consent_missing: m.error_parent_consent_missing
};

/** The message shown to the person, in their language, for an error code. */
export function signupErrorMessage(code: SignupError): string {
	return SIGNUP_ERRORS[code]();
}

export function passwordErrorMessage(reason: PasswordReason): string {
	return SIGNUP_ERRORS[`password_${reason}`]();
}
