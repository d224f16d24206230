import { formatDate } from '$lib/labels';
import { getDb } from '../db';
import {
	createCohort,
	findCounsellorCohort,
	listCounsellorCohorts,
	rotateJoinCode,
	updateCounsellorCohort,
	type CohortInput
} from '../db/repositories/cohorts';
import { generateId } from '../ids';
import type { Counsellor } from './counsellor';
import { formatJoinCode, generateJoinCode } from './join-code';

/**
 * A counsellor's own cohorts: listing, creating, and changing their settings. Every change applies to the
 * counsellor's own cohort only; another cohort id finds nothing (→ 404), as for reading.
 */

export async function listMyCohorts(counsellor: Counsellor) {
	const cohorts = await listCounsellorCohorts(getDb(), counsellor.id);
	return cohorts.map((cohort) => ({
		id: cohort.id,
		name: cohort.name,
		groupLabel: cohort.groupLabel,
		code: formatJoinCode(cohort.joinCode),
		archived: cohort.archivedAt !== null,
		created: formatDate(cohort.createdAt, { dateStyle: 'long' }),
		members: cohort.members,
		finished: cohort.finished
	}));
}

/** A new cohort with a fresh join code; returns its id. */
export async function createMyCohort(counsellor: Counsellor, input: CohortInput): Promise<string> {
	const id = generateId();
	await createCohort(getDb(), { id, counsellorId: counsellor.id, ...input }, generateJoinCode);
	return id;
}

export async function findMyCohort(counsellor: Counsellor, cohortId: string) {
	return findCounsellorCohort(getDb(), cohortId, counsellor.id);
}

export async function renameCohort(counsellor: Counsellor, cohortId: string, input: CohortInput) {
	return updateCounsellorCohort(getDb(), cohortId, counsellor.id, input);
}

/** A new code stops joins with the old one; members stay. */
export async function rotateCohortCode(counsellor: Counsellor, cohortId: string) {
	return rotateJoinCode(getDb(), cohortId, counsellor.id, generateJoinCode);
}

/** Archiving closes the cohort to new members and ends the counsellor's access to its students. */
export async function archiveCohort(counsellor: Counsellor, cohortId: string, archived: boolean) {
	return updateCounsellorCohort(getDb(), cohortId, counsellor.id, {
		archivedAt: archived ? new Date() : null
	});
}
