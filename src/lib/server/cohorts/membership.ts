import { m } from '$lib/paraglide/messages';
import { mayBeUnder15 } from '../auth/account';
import { joinCodeThrottle } from '../auth/throttle';
import { getDb } from '../db';
import { findOpenCohortByCode, joinCohort } from '../db/repositories/cohorts';
import type { User } from '../db/repositories/users';
import { formatJoinCode, normalizeJoinCode } from './join-code';

export type JoinCheck =
	| { ok: true; code: string; cohort: NonNullable<ReturnType<typeof findOpenCohortByCode>> }
	| { ok: false; status: 400 | 403 | 404 | 429; message: string };

/**
 * Whether this user may join the cohort behind this code, and which cohort it is: only students, with
 * their parents' recorded consent under 15, and a code of an open cohort. Wrong codes count against the
 * account, so that codes cannot be guessed by trying.
 */
export function checkJoin(user: User, input: string, now = new Date()): JoinCheck {
	if (user.role !== 'student') return { ok: false, status: 403, message: m.join_students_only() };
	if (mayBeUnder15(user.birthYear, now) && !user.parentalConsentAt)
		return { ok: false, status: 403, message: m.join_parental_consent() };
	const wait = joinCodeThrottle.retryAfter(user.id, now.getTime());
	if (wait > 0) return { ok: false, status: 429, message: m.error_throttled({ seconds: wait }) };
	const code = normalizeJoinCode(input);
	const cohort = code ? findOpenCohortByCode(getDb(), code) : null;
	if (!code || !cohort) {
		joinCodeThrottle.record(user.id, now.getTime());
		return { ok: false, status: code ? 404 : 400, message: code ? m.join_unknown_code() : m.join_bad_code() };
	}
	return { ok: true, code: formatJoinCode(code), cohort };
}

export function joinWithCode(user: User, input: string): JoinCheck {
	const check = checkJoin(user, input);
	if (check.ok) joinCohort(getDb(), check.cohort.id, user.id);
	return check;
}
