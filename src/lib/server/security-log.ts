/**
 * The security events of Boussole, one JSON line each on standard output, where the host's log collector
 * (journald, docker) keeps them: who (the account's internal id, never its identifier), what, when. Never a
 * password, a code, a token, an address or a name: the log must be safe to hand to whoever investigates.
 * Reads by counsellors of a student's data are in the database instead (`audit_log`), shown to the student.
 */

export type SecurityEvent =
	| 'login_succeeded'
	| 'login_failed'
	| 'login_refused_disabled'
	| 'throttled'
	| 'second_factor_enrolled'
	| 'second_factor_succeeded'
	| 'second_factor_failed'
	| 'second_factor_removed'
	| 'recovery_code_used'
	| 'password_changed'
	| 'password_reset_issued'
	| 'password_reset_used'
	| 'password_reset_failed'
	| 'reauthentication_failed'
	| 'account_deleted'
	| 'role_changed'
	| 'account_disabled'
	| 'account_enabled'
	| 'sessions_ended'
	| 'access_refused';

export interface SecurityDetails {
	userId?: string;
	/** Who acted on the account `userId`, when it was someone else (a counsellor making a reset code). */
	actorId?: string;
	/** The throttle that refused, by name (loginAccount, reauth…), never its subject. */
	throttle?: string;
	/** The path refused, without its query string. */
	path?: string;
}

export function logSecurityEvent(event: SecurityEvent, details: SecurityDetails = {}): void {
	console.info(JSON.stringify({ at: new Date().toISOString(), kind: 'security', event, ...details }));
}
