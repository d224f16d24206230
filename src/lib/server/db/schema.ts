import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Ranking } from '$lib/engine';
import type { ResultSummary } from '$lib/result-summary';
import type { FinancingKind, TrainingFormat } from '$lib/vocabulary';
import type { SkillId } from '$lib/engine/dimensions';
import type { CareerProfile } from '../catalog/types';

/** Key/value facts about the database itself, such as the version of the catalogue that was seeded. */
export const meta = sqliteTable('meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

export const families = sqliteTable('families', {
	id: text('id').primaryKey(),
	nameFr: text('name_fr').notNull(),
	nameEn: text('name_en').notNull(),
	position: integer('position').notNull()
});

export const careers = sqliteTable(
	'careers',
	{
		slug: text('slug').primaryKey(),
		title: text('title').notNull(),
		familyId: text('family_id')
			.notNull()
			.references(() => families.id),
		hook: text('hook').notNull(),
		summary: text('summary').notNull(),
		onetCode: text('onet_code').notNull(),
		onetTitle: text('onet_title').notNull(),
		onetAnalogQuality: text('onet_analog_quality', { enum: ['direct', 'approx', 'guess'] }).notNull(),
		/** JSON: the sections of the « fiche métier » (description, missions, salary, paths, testimonial…). */
		profile: text('profile', { mode: 'json' })
			.$type<CareerProfile>()
			.notNull()
			.default(sql`'{}'`)
	},
	(table) => [index('careers_family_idx').on(table.familyId)]
);

/** One row per career and dimension (6 interests + 20 skills), each 0–1. */
export const careerVectors = sqliteTable(
	'career_vectors',
	{
		careerSlug: text('career_slug')
			.notNull()
			.references(() => careers.slug, { onDelete: 'cascade' }),
		dimensionId: text('dimension_id').notNull(),
		value: real('value').notNull()
	},
	(table) => [primaryKey({ columns: [table.careerSlug, table.dimensionId] })]
);

export const questions = sqliteTable('questions', {
	id: text('id').primaryKey(),
	position: integer('position').notNull(),
	textFr: text('text_fr').notNull(),
	textEn: text('text_en').notNull(),
	rationale: text('rationale').notNull(),
	/** Retired questions stay so that old answers keep their meaning; they are no longer asked. */
	active: integer('active', { mode: 'boolean' }).notNull().default(true)
});

export const questionLoadings = sqliteTable(
	'question_loadings',
	{
		questionId: text('question_id')
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		dimensionId: text('dimension_id').notNull(),
		weight: real('weight').notNull()
	},
	(table) => [primaryKey({ columns: [table.questionId, table.dimensionId] })]
);

export const trainings = sqliteTable('trainings', {
	slug: text('slug').primaryKey(),
	name: text('name').notNull(),
	kind: text('kind').notNull(),
	track: text('track', { enum: ['court', 'long'] }).notNull(),
	durationMonths: integer('duration_months').notNull(),
	levelBac: integer('level_bac'),
	levelRncp: integer('level_rncp'),
	/** JSON arrays of ids, validated by the content schema. */
	formats: text('formats', { mode: 'json' }).$type<TrainingFormat[]>().notNull(),
	financing: text('financing', { mode: 'json' }).$type<FinancingKind[]>().notNull(),
	skills: text('skills', { mode: 'json' }).$type<SkillId[]>().notNull(),
	cost: text('cost').notNull(),
	prerequisites: text('prerequisites').notNull(),
	summary: text('summary').notNull(),
	providers: text('providers').notNull()
});

export const trainingCareers = sqliteTable(
	'training_careers',
	{
		trainingSlug: text('training_slug')
			.notNull()
			.references(() => trainings.slug, { onDelete: 'cascade' }),
		careerSlug: text('career_slug')
			.notNull()
			.references(() => careers.slug, { onDelete: 'cascade' })
	},
	(table) => [
		primaryKey({ columns: [table.trainingSlug, table.careerSlug] }),
		index('training_careers_career_idx').on(table.careerSlug)
	]
);

/** Public sources cited on /methodologie (salary guides, registries, O*NET). */
export const sources = sqliteTable('sources', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	publisher: text('publisher').notNull(),
	year: integer('year').notNull(),
	url: text('url').notNull(),
	licence: text('licence'),
	usedFor: text('used_for').notNull()
});

export const USER_ROLES = ['student', 'counsellor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	/** An email address or a pseudonym, normalised (trimmed, NFC, lower case): unique either way. */
	identifier: text('identifier').notNull().unique(),
	role: text('role', { enum: USER_ROLES }).notNull().default('student'),
	/** argon2id, PHC string format. */
	passwordHash: text('password_hash').notNull(),
	birthYear: integer('birth_year').notNull(),
	/** Under 15, sign-up records the declaration of a parent's joint consent (French law). */
	parentalConsentName: text('parental_consent_name'),
	parentalConsentAt: integer('parental_consent_at', { mode: 'timestamp_ms' }),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 (hex) of the session token; the token itself only ever lives in the user's cookie. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [index('sessions_user_idx').on(table.userId)]
);

/** « Pas pour moi »: careers a user asked not to see in their rankings any more. */
export const dismissals = sqliteTable(
	'dismissals',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		careerSlug: text('career_slug').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [primaryKey({ columns: [table.userId, table.careerSlug] })]
);

/** A run through the quiz. Anonymous attempts belong to whoever holds the owner token's cookie. */
export const quizAttempts = sqliteTable(
	'quiz_attempts',
	{
		id: text('id').primaryKey(),
		/** SHA-256 (hex) of the anonymous owner token kept in an httpOnly cookie; the token itself is never stored. */
		ownerTokenHash: text('owner_token_hash').notNull(),
		/** Set once the attempt belongs to an account (sign-up or log-in claims the browser's attempts). */
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' })
	},
	(table) => [
		index('quiz_attempts_owner_idx').on(table.ownerTokenHash),
		index('quiz_attempts_user_idx').on(table.userId)
	]
);

export const attemptAnswers = sqliteTable(
	'attempt_answers',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => quizAttempts.id, { onDelete: 'cascade' }),
		questionId: text('question_id')
			.notNull()
			.references(() => questions.id),
		value: integer('value').notNull(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [primaryKey({ columns: [table.attemptId, table.questionId] })]
);

/** A snapshot: the ranking as computed then, with the engine and catalogue versions that produced it. */
export const results = sqliteTable(
	'results',
	{
		id: text('id').primaryKey(),
		attemptId: text('attempt_id')
			.notNull()
			.unique()
			.references(() => quizAttempts.id, { onDelete: 'cascade' }),
		engineVersion: text('engine_version').notNull(),
		catalogueVersion: text('catalogue_version').notNull(),
		/** JSON: the engine's Ranking (profile, quality, matches). */
		ranking: text('ranking', { mode: 'json' }).$type<Ranking>().notNull(),
		/**
		 * JSON: a ResultSummary (every career's score in rank order, interests, quality), a few hundred bytes,
		 * so that a cohort of 2,000 students is read without parsing 2,000 full rankings. Filled at start-up
		 * for results stored before it existed.
		 */
		summary: text('summary', { mode: 'json' }).$type<ResultSummary>(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch() * 1000)`)
	},
	(table) => [index('results_created_idx').on(table.createdAt)]
);

/** A counsellor's group of students (a class, a school year). Students join it with its code, by choice. */
export const cohorts = sqliteTable(
	'cohorts',
	{
		id: text('id').primaryKey(),
		counsellorId: text('counsellor_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** School year or group, free text (« 2026-2027 », « Terminale 3 »). */
		groupLabel: text('group_label').notNull().default(''),
		/** Eight characters without look-alikes; rotating it stops new joins with the old one. */
		joinCode: text('join_code').notNull().unique(),
		/** Archived: hidden from the main list and closed to new members; members stay until they leave. */
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [index('cohorts_counsellor_idx').on(table.counsellorId)]
);

/** A student's active choice to share with a cohort's counsellor. Leaving deletes the row: access ends. */
export const cohortMembers = sqliteTable(
	'cohort_members',
	{
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		studentId: text('student_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [
		primaryKey({ columns: [table.cohortId, table.studentId] }),
		index('cohort_members_student_idx').on(table.studentId)
	]
);

/** A counsellor's notes about a student: only their author reads them; `shared` ones reach the student. */
export const counsellorNotes = sqliteTable(
	'counsellor_notes',
	{
		id: text('id').primaryKey(),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		studentId: text('student_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [index('counsellor_notes_pair_idx').on(table.authorId, table.studentId)]
);

export const AUDIT_ACTIONS = [
	'student_viewed',
	'student_printed',
	'cohort_viewed',
	'cohort_exported'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Who looked at whose data, when and how. The student's rows go with the student's account (their right to
 * erasure covers the trace of who read their data); a counsellor who deletes their account does not erase
 * their trail: the row keeps the identifier they had, and only the link to the account is cut.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
		/** The actor's identifier at the time: still readable after their account is gone. */
		actorName: text('actor_name').notNull(),
		studentId: text('student_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The cohort the data was read through, when it was (the dashboard, the CSV). */
		cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
		action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [
		index('audit_log_student_idx').on(table.studentId),
		index('audit_log_actor_idx').on(table.actorId)
	]
);

export type CareerRow = typeof careers.$inferSelect;
export type QuestionRow = typeof questions.$inferSelect;
export type QuizAttemptRow = typeof quizAttempts.$inferSelect;
export type ResultRow = typeof results.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type CohortRow = typeof cohorts.$inferSelect;
export type NoteRow = typeof counsellorNotes.$inferSelect;
