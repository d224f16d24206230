// The tables on SQLite, for drizzle-kit (`drizzle.sqlite.config.ts`) and for tools that use both engines.
import { sqliteColumns } from './dialects/sqlite-columns';
import { defineTables } from './tables';

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
} = defineTables(sqliteColumns);
