import { currentLocale, formatDate } from '$lib/labels';
import { RIASEC_IDS } from '$lib/engine';
import { needsSupport } from '$lib/result-summary';
import { getCatalogue } from './catalog';
import { toCsv } from './cohorts/csv';
import {
	compareIdentifiers,
	cohortOverview,
	selectStudents,
	studentRow,
	type CohortQuery,
	type QuizStatus
} from './cohorts/view';
import { compareUserResults } from './compare-results';
import { getDb } from './db';
import { listOwnerResultDates } from './db/repositories/attempts';
import {
	counsellorCanSeeStudent,
	findCounsellorCohort,
	listCohortMembers,
	listNotes,
	listSharedCohorts,
	recordAudit
} from './db/repositories/cohorts';
import { findResultForOwner } from './db/repositories/results';
import { findUserById, listDismissals, type User } from './db/repositories/users';
import type { AuditAction } from './db/schema';
import { matchesForDisplay } from './result-view';

/**
 * The counsellor space's reads. Each one checks the only rule (a membership in one of the counsellor's own
 * cohorts that are not archived) in the same call that reads, and writes the audit trace, one entry per
 * student whose data is sent, before returning anything: a route cannot forget either.
 */

type Counsellor = Pick<User, 'id' | 'identifier'>;

/**
 * The cohort page. An archived cohort shows its settings only: archiving ends the counsellor's access to
 * its members (they stay members, and access comes back if the cohort is reactivated, until they leave).
 */
export function cohortDashboard(counsellor: Counsellor, cohortId: string, query: CohortQuery) {
	const db = getDb();
	const cohort = findCounsellorCohort(db, cohortId, counsellor.id);
	if (!cohort) return null;
	const catalogue = getCatalogue();
	const rows =
		cohort.archivedAt === null
			? listCohortMembers(db, cohortId).map((member) => studentRow(member, catalogue))
			: [];
	const selection = selectStudents(rows, query, catalogue);
	recordAudit(
		db,
		selection.page.map((row) => ({ actor: counsellor, action: 'cohort_viewed', studentId: row.id, cohortId }))
	);
	return { cohort, overview: cohortOverview(rows, catalogue, currentLocale()), ...selection };
}

const CSV_TOP = 5;
const CSV_STATUS: Record<QuizStatus, string> = {
	not_started: 'pas commencé',
	in_progress: 'en cours',
	done: 'terminé'
};
/** yyyy-mm-dd in Paris time: what a spreadsheet sorts, on the day the user lived it. */
const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

/** The whole cohort as CSV (French, for French spreadsheets), one row per student, each one audited. */
export function cohortCsv(
	counsellor: Counsellor,
	cohortId: string
): { name: string; day: string; csv: string } | null {
	const db = getDb();
	const cohort = findCounsellorCohort(db, cohortId, counsellor.id);
	if (!cohort || cohort.archivedAt !== null) return null;
	const catalogue = getCatalogue();
	const rows = listCohortMembers(db, cohortId)
		.map((member) => studentRow(member, catalogue, CSV_TOP))
		.sort((a, b) => compareIdentifiers(a.identifier, b.identifier));
	recordAudit(
		db,
		rows.map((row) => ({ actor: counsellor, action: 'cohort_exported', studentId: row.id, cohortId }))
	);
	const header = [
		'eleve',
		'statut',
		'a_accompagner',
		'rejoint_le',
		'derniere_activite',
		...Array.from({ length: CSV_TOP }, (_, i) => [`metier_${i + 1}`, `score_${i + 1}`]).flat(),
		...RIASEC_IDS.map((id) => `interet_${id}`)
	];
	const day = (date: Date | null) => (date ? parisDay.format(date) : '');
	const lines = rows.map((row) => [
		row.identifier,
		CSV_STATUS[row.status],
		row.status === 'done' ? (row.support ? 'oui' : 'non') : '',
		day(row.joinedAt),
		day(row.lastActivity),
		...Array.from({ length: CSV_TOP }, (_, i) => {
			const career = row.top[i];
			return [career?.title ?? '', career?.score ?? ''];
		}).flat(),
		...RIASEC_IDS.map((_, i) => {
			const value = row.interests?.[i];
			return value === null || value === undefined ? '' : Math.round(value * 100);
		})
	]);
	return { name: cohort.name, day: day(new Date()), csv: toCsv([header, ...lines]) };
}

/** The student, when this counsellor may see them, with the audit entry written; null otherwise (→ 404). */
function allowedStudent(counsellor: Counsellor, studentId: string, action: AuditAction) {
	const db = getDb();
	if (!counsellorCanSeeStudent(db, counsellor.id, studentId)) return null;
	const student = findUserById(db, studentId);
	if (!student) return null;
	recordAudit(db, [{ actor: counsellor, action, studentId }]);
	return { id: student.id, identifier: student.identifier };
}

/** One student's file: latest result as they see it, history, set-aside careers, the counsellor's notes. */
export function studentFile(
	counsellor: Counsellor,
	studentId: string,
	action: Extract<AuditAction, 'student_viewed' | 'student_printed'>
) {
	const student = allowedStudent(counsellor, studentId, action);
	if (!student) return null;
	const db = getDb();
	const catalogue = getCatalogue();
	const owner = { ownerHash: null, userId: studentId };
	const history = listOwnerResultDates(db, owner);
	const latest = history[0] ? findResultForOwner(db, history[0].id, owner) : null;
	const dismissed = listDismissals(db, studentId);
	return {
		student,
		cohorts: listSharedCohorts(db, counsellor.id, studentId).map((c) => ({
			...c,
			joined: formatDate(c.joinedAt, { dateStyle: 'long' })
		})),
		history: history.map((r) => ({
			id: r.id,
			label: formatDate(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' })
		})),
		latest: latest && {
			id: latest.id,
			date: formatDate(latest.createdAt),
			profile: latest.ranking.profile,
			quality: latest.ranking.quality,
			support: needsSupport(latest.ranking.quality),
			matches: matchesForDisplay(latest.ranking, new Set(dismissed), catalogue, currentLocale()),
			engineVersion: latest.engineVersion,
			catalogueVersion: latest.catalogueVersion
		},
		dismissed: dismissed.map((slug) => ({ slug, title: catalogue.careerBySlug.get(slug)?.title ?? slug })),
		notes: listNotes(db, counsellor.id, studentId).map((note) => ({
			id: note.id,
			body: note.body,
			shared: note.shared,
			created: formatDate(note.createdAt),
			updated: note.updatedAt.getTime() !== note.createdAt.getTime() ? formatDate(note.updatedAt) : null
		}))
	};
}

/** Two of the student's results side by side (the `a` and `b` URL parameters), for an allowed counsellor. */
export function studentComparison(counsellor: Counsellor, studentId: string, params: URLSearchParams) {
	const student = allowedStudent(counsellor, studentId, 'student_viewed');
	return student && { student, ...compareUserResults(student.id, params) };
}
