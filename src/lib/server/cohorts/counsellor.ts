import { currentLocale, formatDate } from '$lib/labels';
import { RIASEC_IDS } from '$lib/engine';
import { needsSupport } from '$lib/result-summary';
import { catalogueOfVersion, getCatalogue } from '../catalog';
import { getDb } from '../db';
import { listOwnerResultDates } from '../db/repositories/attempts';
import { recordAudit } from '../db/repositories/audit';
import {
	counsellorCanSeeStudent,
	findCounsellorCohort,
	listCohortMembers,
	listSharedCohorts
} from '../db/repositories/cohorts';
import { listDismissals } from '../db/repositories/dismissals';
import { listNotes } from '../db/repositories/notes';
import { findResultForOwner } from '../db/repositories/results';
import { findUserById, type User } from '../db/repositories/users';
import type { AuditAction } from '../db/schema';
import { compareUserResults } from '../results/compare';
import { matchesForDisplay } from '../results/view';
import { toCsv } from './csv';
import {
	compareIdentifiers,
	cohortOverview,
	parseCohortQuery,
	selectStudents,
	studentRow,
	type QuizStatus
} from './view';

/**
 * The counsellor space's reads. Each one checks the only rule (a membership in one of the counsellor's own
 * cohorts that are not archived) in the same call that reads, and writes the audit trace, one entry per
 * student whose data is sent, before returning anything: a route cannot forget either. Their names say it:
 * `audited…`.
 */

export type Counsellor = Pick<User, 'id' | 'identifier'>;

/**
 * The cohort page. An archived cohort shows its settings only: archiving ends the counsellor's access to
 * its members (they stay members, and access comes back if the cohort is reactivated, until they leave).
 */
export async function auditedCohortDashboard(
	counsellor: Counsellor,
	cohortId: string,
	params: URLSearchParams
) {
	const db = getDb();
	const cohort = await findCounsellorCohort(db, cohortId, counsellor.id);
	if (!cohort) return null;
	const catalogue = await getCatalogue();
	const query = parseCohortQuery(
		params,
		catalogue.families.map((f) => f.id)
	);
	const rows =
		cohort.archivedAt === null
			? (await listCohortMembers(db, cohortId)).map((member) => studentRow(member, catalogue))
			: [];
	const selection = selectStudents(rows, query, catalogue);
	await recordAudit(
		db,
		selection.page.map((row) => ({ actor: counsellor, action: 'cohort_viewed', studentId: row.id, cohortId }))
	);
	return {
		cohort,
		query,
		families: catalogue.families.map((f) => ({ id: f.id, name: f.name[currentLocale()] })),
		overview: cohortOverview(rows, catalogue, currentLocale()),
		...selection
	};
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
export async function auditedCohortCsv(
	counsellor: Counsellor,
	cohortId: string
): Promise<{ name: string; day: string; csv: string } | null> {
	const db = getDb();
	const cohort = await findCounsellorCohort(db, cohortId, counsellor.id);
	if (!cohort || cohort.archivedAt !== null) return null;
	const catalogue = await getCatalogue();
	const rows = (await listCohortMembers(db, cohortId))
		.map((member) => studentRow(member, catalogue, CSV_TOP))
		.sort((a, b) => compareIdentifiers(a.identifier, b.identifier));
	await recordAudit(
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
async function auditedStudent(counsellor: Counsellor, studentId: string, action: AuditAction) {
	const db = getDb();
	if (!(await counsellorCanSeeStudent(db, counsellor.id, studentId))) return null;
	const student = await findUserById(db, studentId);
	if (!student) return null;
	await recordAudit(db, [{ actor: counsellor, action, studentId }]);
	return { id: student.id, identifier: student.identifier };
}

/** One student's file: latest result as they see it, history, set-aside careers, the counsellor's notes. */
export async function auditedStudentFile(
	counsellor: Counsellor,
	studentId: string,
	action: Extract<AuditAction, 'student_viewed' | 'student_printed'>
) {
	const student = await auditedStudent(counsellor, studentId, action);
	if (!student) return null;
	const db = getDb();
	const owner = { ownerHash: null, userId: studentId };
	const [history, dismissed, cohorts, notes] = await Promise.all([
		listOwnerResultDates(db, owner),
		listDismissals(db, studentId),
		listSharedCohorts(db, counsellor.id, studentId),
		listNotes(db, counsellor.id, studentId)
	]);
	const latest = history[0] ? await findResultForOwner(db, history[0].id, owner) : null;
	// Drawn with the catalogue the result was computed with, as the student sees it.
	const catalogue = latest ? await catalogueOfVersion(latest.catalogueVersion) : await getCatalogue();
	return {
		student,
		cohorts: cohorts.map((c) => ({
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
			quiz: latest.ranking.quiz ?? null,
			support: needsSupport(latest.ranking.quality),
			matches: matchesForDisplay(latest.ranking, new Set(dismissed), catalogue, currentLocale()),
			engineVersion: latest.engineVersion,
			catalogueVersion: latest.catalogueVersion
		},
		dismissed: dismissed.map((slug) => ({ slug, title: catalogue.careerBySlug.get(slug)?.title ?? slug })),
		notes: notes.map((note) => ({
			id: note.id,
			body: note.body,
			shared: note.shared,
			created: formatDate(note.createdAt),
			updated: note.updatedAt.getTime() !== note.createdAt.getTime() ? formatDate(note.updatedAt) : null
		}))
	};
}

/** Two of the student's results side by side (the `a` and `b` URL parameters), for an allowed counsellor. */
export async function auditedStudentComparison(
	counsellor: Counsellor,
	studentId: string,
	params: URLSearchParams
) {
	const student = await auditedStudent(counsellor, studentId, 'student_viewed');
	return student && { student, ...(await compareUserResults(student.id, params)) };
}
