import { m } from '$lib/paraglide/messages';
import { mayBeUnder15 } from '../accounts/forms';
import { release, reserve } from '../auth/throttle';
import { getDb } from '../db';
import { findOpenCohortByCode, joinCohort, leaveCohort } from '../db/repositories/cohorts';
import type { User } from '../db/repositories/users';
import { formatJoinCode, normalizeJoinCode } from './join-code';

type OpenCohort = NonNullable<Awaited<ReturnType<typeof findOpenCohortByCode>>>;

export type JoinCheck =
	| { ok: true; code: string; cohort: OpenCohort }
	| { ok: false; status: 400 | 403 | 404 | 429; message: string };

/**
 * Whether this user may join the cohort behind this code, and which cohort it is: only students, with
 * their parents' recorded consent under 15, and a code of an open cohort. Wrong codes count against the
 * account (a throttle record is written), so that codes cannot be guessed by trying.
 */
export async function checkJoinCodeThrottled(
	user: User,
	input: string,
	now = new Date()
): Promise<JoinCheck> {
	if (user.role !== 'student') return { ok: false, status: 403, message: m.join_students_only() };
	if (mayBeUnder15(user.birthYear, now) && !user.parentalConsentAt)
		return { ok: false, status: 403, message: m.join_parental_consent() };
	// The attempt is counted before the code is looked up, and given back when the code is right.
	const reservation = await reserve('joinCode', user.id, now);
	if (!reservation.ok)
		return { ok: false, status: 429, message: m.error_throttled({ seconds: reservation.retryAfter }) };
	const code = normalizeJoinCode(input);
	const cohort = code ? await findOpenCohortByCode(getDb(), code) : null;
	if (!code || !cohort)
		return { ok: false, status: code ? 404 : 400, message: code ? m.join_unknown_code() : m.join_bad_code() };
	await release('joinCode', user.id);
	return { ok: true, code: formatJoinCode(code), cohort };
}

/** The student's confirmation on the consent screen: the code is checked again (it may have changed). */
export async function joinCohortThrottled(user: User, input: string): Promise<JoinCheck> {
	const check = await checkJoinCodeThrottled(user, input);
	if (check.ok) await joinCohort(getDb(), check.cohort.id, user.id);
	return check;
}

/** Leaving takes effect at once: the counsellor's next request finds no membership. False if not a member. */
export async function leaveCohortOf(user: User, cohortId: string): Promise<boolean> {
	return leaveCohort(getDb(), cohortId, user.id);
}
