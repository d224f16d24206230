import { dialectOf } from './dialect';
import * as postgres from './schema.postgres';
import * as sqlite from './schema.sqlite';

export { AUDIT_ACTIONS, USER_ROLES, type AuditAction, type UserRole } from './tables';

/**
 * The tables of the engine this process uses, chosen once from `DATABASE_URL` (a process talks to one
 * database). Repositories import them from here, written once for both engines; they are typed as the
 * SQLite ones, whose JavaScript values are the same (see `dialects/postgres-columns.ts`).
 */
const tables: typeof sqlite = dialectOf(process.env.DATABASE_URL) === 'postgres' ? postgres : sqlite;

export const {
	recoveryCodes,
	passwordResets,
	catalogueVersions,
	catalogueDrafts,
	throttles,
	families,
	careers,
	careerVectors,
	questions,
	questionLoadings,
	trainings,
	trainingCareers,
	sources,
	users,
	sessions,
	dismissals,
	quizAttempts,
	attemptAnswers,
	results,
	cohorts,
	cohortMembers,
	counsellorNotes,
	auditLog
} = tables;

export type CareerRow = typeof careers.$inferSelect;
export type QuestionRow = typeof questions.$inferSelect;
export type QuizAttemptRow = typeof quizAttempts.$inferSelect;
export type ResultRow = typeof results.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type CohortRow = typeof cohorts.$inferSelect;
export type NoteRow = typeof counsellorNotes.$inferSelect;
