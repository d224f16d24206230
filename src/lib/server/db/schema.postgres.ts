// The tables on PostgreSQL, for drizzle-kit (`drizzle.postgres.config.ts`) and for tools that use both engines.
import { postgresColumns } from './dialects/postgres-columns';
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
} = defineTables(postgresColumns);
