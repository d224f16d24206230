import { sql } from 'drizzle-orm';
import type { Columns } from './dialects/sqlite-columns';
import type { Ranking } from '$lib/engine';
import type { ResultSummary } from '$lib/result-summary';
// A relative path: drizzle-kit reads this file without SvelteKit's aliases.
import { ENTRY_LEVELS, QUIZ_MODES, type FinancingKind, type TrainingFormat } from '../../vocabulary';
import type { SkillId } from '$lib/engine/dimensions';
import type { CareerProfile } from '../catalog/types';

export const USER_ROLES = ['student', 'counsellor', 'editor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const AUDIT_ACTIONS = [
	'student_viewed',
	'student_printed',
	'cohort_viewed',
	'cohort_exported',
	/** A counsellor gave the student a one-time code to choose a new password. */
	'password_reset_issued',
	/** The student chose a new password with that code. */
	'password_reset_used',
	/** An administrator changed the account's role. */
	'role_changed',
	/** An administrator disabled the account (its sessions ended), or enabled it again. */
	'account_disabled',
	'account_enabled',
	/** An editor saved or discarded a draft of the catalogue (`subject`: « career:slug », « training:slug »…). */
	'content_draft_saved',
	'content_draft_discarded',
	/** An editor proposed to retire a record at the next publication. */
	'content_retired',
	/** An editor published the drafts as a new catalogue version, or made an older version current again. */
	'content_published',
	'content_rolled_back'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Every table of Boussole, defined once for both engines: `k` gives the column types of SQLite
 * (`sqlite-columns.ts`) or of PostgreSQL (`postgres-columns.ts`). `schema.sqlite.ts` and `schema.pg.ts` call
 * it for drizzle-kit; `schema.ts` gives the app the engine its `DATABASE_URL` names.
 */
export function defineTables(k: Columns) {
	const families = k.table('families', {
		id: k.text('id').primaryKey(),
		nameFr: k.text('name_fr').notNull(),
		nameEn: k.text('name_en').notNull(),
		position: k.integer('position').notNull()
	});

	const careers = k.table(
		'careers',
		{
			slug: k.text('slug').primaryKey(),
			title: k.text('title').notNull(),
			familyId: k
				.text('family_id')
				.notNull()
				.references(() => families.id),
			hook: k.text('hook').notNull(),
			summary: k.text('summary').notNull(),
			onetCode: k.text('onet_code').notNull(),
			onetTitle: k.text('onet_title').notNull(),
			onetAnalogQuality: k.text('onet_analog_quality', { enum: ['direct', 'approx', 'guess'] }).notNull(),
			/** The lowest level of study that commonly leads to a first job (the content sets it for each). */
			entryLevel: k.text('entry_level', { enum: ENTRY_LEVELS }).notNull().default('bac+5'),
			/** JSON: the sections of the « fiche métier » (description, missions, salary, paths, testimonial…). */
			profile: k
				.json<CareerProfile>('profile')
				.notNull()
				.default(sql`'{}'`)
		},
		(table) => [k.index('careers_family_idx').on(table.familyId)]
	);

	/** One row per career and dimension (6 interests + 20 skills), each 0–1. */
	const careerVectors = k.table(
		'career_vectors',
		{
			careerSlug: k
				.text('career_slug')
				.notNull()
				.references(() => careers.slug, { onDelete: 'cascade' }),
			dimensionId: k.text('dimension_id').notNull(),
			value: k.real('value').notNull()
		},
		(table) => [k.primaryKey({ columns: [table.careerSlug, table.dimensionId] })]
	);

	const questions = k.table('questions', {
		id: k.text('id').primaryKey(),
		position: k.integer('position').notNull(),
		textFr: k.text('text_fr').notNull(),
		textEn: k.text('text_en').notNull(),
		rationale: k.text('rationale').notNull(),
		/** Retired questions stay so that old answers keep their meaning; they are no longer asked. */
		active: k.boolean('active').notNull().default(true)
	});

	const questionLoadings = k.table(
		'question_loadings',
		{
			questionId: k
				.text('question_id')
				.notNull()
				.references(() => questions.id, { onDelete: 'cascade' }),
			dimensionId: k.text('dimension_id').notNull(),
			weight: k.real('weight').notNull()
		},
		(table) => [k.primaryKey({ columns: [table.questionId, table.dimensionId] })]
	);

	const trainings = k.table('trainings', {
		slug: k.text('slug').primaryKey(),
		name: k.text('name').notNull(),
		kind: k.text('kind').notNull(),
		track: k.text('track', { enum: ['court', 'long'] }).notNull(),
		durationMonths: k.integer('duration_months').notNull(),
		levelBac: k.integer('level_bac'),
		levelRncp: k.integer('level_rncp'),
		/** France compétences registration: a code, « à vérifier », or null (none). */
		registrationRncp: k.text('registration_rncp'),
		registrationRs: k.text('registration_rs'),
		/** JSON arrays of ids, validated by the content schema. */
		formats: k.json<TrainingFormat[]>('formats').notNull(),
		financing: k.json<FinancingKind[]>('financing').notNull(),
		skills: k.json<SkillId[]>('skills').notNull(),
		cost: k.text('cost').notNull(),
		prerequisites: k.text('prerequisites').notNull(),
		summary: k.text('summary').notNull(),
		providers: k.text('providers').notNull()
	});

	const trainingCareers = k.table(
		'training_careers',
		{
			trainingSlug: k
				.text('training_slug')
				.notNull()
				.references(() => trainings.slug, { onDelete: 'cascade' }),
			careerSlug: k
				.text('career_slug')
				.notNull()
				.references(() => careers.slug, { onDelete: 'cascade' })
		},
		(table) => [
			k.primaryKey({ columns: [table.trainingSlug, table.careerSlug] }),
			k.index('training_careers_career_idx').on(table.careerSlug)
		]
	);

	/** Public sources cited on /methodologie (salary guides, registries, O*NET). */
	const sources = k.table('sources', {
		id: k.text('id').primaryKey(),
		name: k.text('name').notNull(),
		publisher: k.text('publisher').notNull(),
		year: k.integer('year').notNull(),
		url: k.text('url').notNull(),
		licence: k.text('licence'),
		usedFor: k.text('used_for').notNull()
	});

	const users = k.table('users', {
		id: k.text('id').primaryKey(),
		/** An email address or a pseudonym, normalised (trimmed, NFC, lower case): unique either way. */
		identifier: k.text('identifier').notNull().unique(),
		role: k.text('role', { enum: USER_ROLES }).notNull().default('student'),
		/** argon2id, PHC string format. */
		passwordHash: k.text('password_hash').notNull(),
		birthYear: k.integer('birth_year').notNull(),
		/** Under 15, sign-up records the declaration of a parent's joint consent (French law). */
		parentalConsentName: k.text('parental_consent_name'),
		parentalConsentAt: k.timestamp('parental_consent_at'),
		/**
		 * The second factor (TOTP, RFC 6238): the shared key, base32; while `totpEnabledAt` is null it is only
		 * offered (the person has not typed a first code yet). `totpLastStep` is the time step of the last code
		 * accepted: a code is never accepted twice.
		 */
		totpKey: k.text('totp_key'),
		totpEnabledAt: k.timestamp('totp_enabled_at'),
		totpLastStep: k.integer('totp_last_step'),
		createdAt: k.timestamp('created_at').notNull(),
		/** Set at each log-in and session renewal (at most every few minutes): what « last active » means. */
		lastActiveAt: k.timestamp('last_active_at'),
		/** Disabled by an administrator: no log-in, no session, until enabled again. */
		disabledAt: k.timestamp('disabled_at')
	});

	/** One-time codes for when the phone is lost: only their SHA-256, salted with the account id, is kept; each works once. */
	const recoveryCodes = k.table(
		'recovery_codes',
		{
			userId: k
				.text('user_id')
				.notNull()
				.references(() => users.id, { onDelete: 'cascade' }),
			codeHash: k.text('code_hash').primaryKey(),
			usedAt: k.timestamp('used_at')
		},
		(table) => [k.index('recovery_codes_user_idx').on(table.userId)]
	);

	const sessions = k.table(
		'sessions',
		{
			/** SHA-256 (hex) of the session token; the token itself only ever lives in the user's cookie. */
			id: k.text('id').primaryKey(),
			userId: k
				.text('user_id')
				.notNull()
				.references(() => users.id, { onDelete: 'cascade' }),
			expiresAt: k.timestamp('expires_at').notNull(),
			createdAt: k.timestamp('created_at').notNull(),
			/** « Firefox sur Android »: enough for a person to recognise a session; no address is kept. */
			device: k.text('device').notNull().default(''),
			/** Written at most every few minutes, for the list of sessions on /compte. */
			lastUsedAt: k.timestamp('last_used_at'),
			/** When the second factor was given in this session; null until then (staff may do nothing yet). */
			secondFactorAt: k.timestamp('second_factor_at')
		},
		(table) => [k.index('sessions_user_idx').on(table.userId)]
	);

	/** « Pas pour moi »: careers a user asked not to see in their rankings any more. */
	const dismissals = k.table(
		'dismissals',
		{
			userId: k
				.text('user_id')
				.notNull()
				.references(() => users.id, { onDelete: 'cascade' }),
			careerSlug: k.text('career_slug').notNull(),
			createdAt: k.timestamp('created_at').notNull()
		},
		(table) => [k.primaryKey({ columns: [table.userId, table.careerSlug] })]
	);

	/** A run through the quiz. Anonymous attempts belong to whoever holds the owner token's cookie. */
	const quizAttempts = k.table(
		'quiz_attempts',
		{
			id: k.text('id').primaryKey(),
			/** SHA-256 (hex) of the anonymous owner token kept in an httpOnly cookie; the token itself is never stored. */
			ownerTokenHash: k.text('owner_token_hash').notNull(),
			/** Set once the attempt belongs to an account (sign-up or log-in claims the browser's attempts). */
			userId: k.text('user_id').references(() => users.id, { onDelete: 'cascade' }),
			startedAt: k.timestamp('started_at').notNull(),
			updatedAt: k.timestamp('updated_at').notNull(),
			finishedAt: k.timestamp('finished_at'),
			/**
			 * `adaptive`: pages chosen one by one, up to `item_limit` questions (`quiz/adaptive.ts`); `full`: the
			 * whole bank in fixed pages. Attempts from before the adaptive quiz were full ones.
			 */
			mode: k.text('mode', { enum: QUIZ_MODES }).notNull().default('full'),
			itemLimit: k.integer('item_limit')
		},
		(table) => [
			k.index('quiz_attempts_owner_idx').on(table.ownerTokenHash),
			k.index('quiz_attempts_user_idx').on(table.userId),
			// One attempt in progress per owner, whatever the engine or the number of app processes: two tabs
			// saving at once cannot both open one (the insert meets the index and re-reads instead).
			k
				.uniqueIndex('quiz_attempts_one_open_per_user')
				.on(table.userId)
				.where(sql`${table.finishedAt} is null and ${table.userId} is not null`),
			k
				.uniqueIndex('quiz_attempts_one_open_per_browser')
				.on(table.ownerTokenHash)
				.where(sql`${table.finishedAt} is null and ${table.userId} is null`)
		]
	);

	const attemptAnswers = k.table(
		'attempt_answers',
		{
			attemptId: k
				.text('attempt_id')
				.notNull()
				.references(() => quizAttempts.id, { onDelete: 'cascade' }),
			questionId: k
				.text('question_id')
				.notNull()
				.references(() => questions.id),
			value: k.integer('value').notNull(),
			answeredAt: k.timestamp('answered_at').notNull()
		},
		(table) => [k.primaryKey({ columns: [table.attemptId, table.questionId] })]
	);

	/** A snapshot: the ranking as computed then, with the engine and catalogue versions that produced it. */
	const results = k.table(
		'results',
		{
			id: k.text('id').primaryKey(),
			attemptId: k
				.text('attempt_id')
				.notNull()
				.unique()
				.references(() => quizAttempts.id, { onDelete: 'cascade' }),
			engineVersion: k.text('engine_version').notNull(),
			catalogueVersion: k.text('catalogue_version').notNull(),
			/** JSON: the engine's Ranking (profile, quality, matches). */
			ranking: k.json<Ranking>('ranking').notNull(),
			/**
			 * JSON: a ResultSummary (every career's score in rank order, interests, quality), a few hundred bytes,
			 * so that a cohort of 2,000 students is read without parsing 2,000 full rankings. Filled at start-up
			 * for results stored before it existed.
			 */
			summary: k.json<ResultSummary>('summary'),
			createdAt: k.timestamp('created_at').notNull().default(k.now)
		},
		(table) => [k.index('results_created_idx').on(table.createdAt)]
	);

	/** A counsellor's group of students (a class, a school year). Students join it with its code, by choice. */
	const cohorts = k.table(
		'cohorts',
		{
			id: k.text('id').primaryKey(),
			counsellorId: k
				.text('counsellor_id')
				.notNull()
				.references(() => users.id, { onDelete: 'cascade' }),
			name: k.text('name').notNull(),
			/** School year or group, free text (« 2026-2027 », « Terminale 3 »). */
			groupLabel: k.text('group_label').notNull().default(''),
			/** Eight characters without look-alikes; rotating it stops new joins with the old one. */
			joinCode: k.text('join_code').notNull().unique(),
			/** Archived: hidden from the main list and closed to new members; members stay until they leave. */
			archivedAt: k.timestamp('archived_at'),
			createdAt: k.timestamp('created_at').notNull()
		},
		(table) => [k.index('cohorts_counsellor_idx').on(table.counsellorId)]
	);

	/** A student's active choice to share with a cohort's counsellor. Leaving deletes the row: access ends. */
	const cohortMembers = k.table(
		'cohort_members',
		{
			cohortId: k
				.text('cohort_id')
				.notNull()
				.references(() => cohorts.id, { onDelete: 'cascade' }),
			studentId: k
				.text('student_id')
				.notNull()
				.references(() => users.id, { onDelete: 'cascade' }),
			joinedAt: k.timestamp('joined_at').notNull()
		},
		(table) => [
			k.primaryKey({ columns: [table.cohortId, table.studentId] }),
			k.index('cohort_members_student_idx').on(table.studentId)
		]
	);

	/** A counsellor's notes about a student: only their author reads them; `shared` ones reach the student. */
	const counsellorNotes = k.table(
		'counsellor_notes',
		{
			id: k.text('id').primaryKey(),
			authorId: k
				.text('author_id')
				.notNull()
				.references(() => users.id, { onDelete: 'cascade' }),
			studentId: k
				.text('student_id')
				.notNull()
				.references(() => users.id, { onDelete: 'cascade' }),
			body: k.text('body').notNull(),
			shared: k.boolean('shared').notNull().default(false),
			createdAt: k.timestamp('created_at').notNull(),
			updatedAt: k.timestamp('updated_at').notNull()
		},
		(table) => [k.index('counsellor_notes_pair_idx').on(table.authorId, table.studentId)]
	);

	/**
	 * Who looked at whose data, when and how. The student's rows go with the student's account (their right to
	 * erasure covers the trace of who read their data); a counsellor who deletes their account does not erase
	 * their trail: the row keeps the identifier they had, and only the link to the account is cut.
	 */
	const auditLog = k.table(
		'audit_log',
		{
			id: k.serial('id'),
			actorId: k.text('actor_id').references(() => users.id, { onDelete: 'set null' }),
			/** The actor's identifier at the time: still readable after their account is gone. */
			actorName: k.text('actor_name').notNull(),
			/** The person whose data or account it was about; null for the catalogue's own trail. */
			studentId: k.text('student_id').references(() => users.id, { onDelete: 'cascade' }),
			/** What a catalogue action was about: « career:slug », « version:12 »… */
			subject: k.text('subject'),
			/** The cohort the data was read through, when it was (the dashboard, the CSV). */
			cohortId: k.text('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
			action: k.text('action', { enum: AUDIT_ACTIONS }).notNull(),
			at: k.timestamp('at').notNull()
		},
		(table) => [
			k.index('audit_log_student_idx').on(table.studentId),
			k.index('audit_log_actor_idx').on(table.actorId),
			// The back-office's trail: the rows with a subject, newest first.
			k.index('audit_log_subject_idx').on(table.subject, table.at)
		]
	);

	/**
	 * Every catalogue the database has held, in order: `number` grows with each import from `content/` or
	 * publication; `hash` is the content's own hash, which results record; `content` is the whole catalogue as
	 * it was, so that an older result can be shown with its own. The highest number is the catalogue served.
	 */
	const catalogueVersions = k.table('catalogue_versions', {
		number: k.integer('number').primaryKey(),
		hash: k.text('hash').notNull(),
		source: k.text('source', { enum: ['content', 'editor', 'rollback'] }).notNull(),
		content: k.json<unknown>('content').notNull(),
		createdAt: k.timestamp('created_at').notNull(),
		/** Who published it (null for an import from `content/`, or once their account is gone). */
		authorId: k.text('author_id').references(() => users.id, { onDelete: 'set null' }),
		authorName: k.text('author_name'),
		/** What the editor said of the change; for a rollback, the version made current again. */
		note: k.text('note')
	});

	/**
	 * The drafts of the catalogue's next version, shared by every editor: one per record (`kind` and `key`:
	 * « career » and its slug…). `record` is the edited record, or null for a record to retire. Publishing
	 * applies them all at once and empties the table.
	 */
	const catalogueDrafts = k.table(
		'catalogue_drafts',
		{
			kind: k.text('kind', { enum: ['career', 'training', 'question', 'family', 'source'] }).notNull(),
			key: k.text('key').notNull(),
			record: k.json<unknown>('record'),
			authorId: k.text('author_id').references(() => users.id, { onDelete: 'set null' }),
			authorName: k.text('author_name').notNull(),
			updatedAt: k.timestamp('updated_at').notNull()
		},
		(table) => [k.primaryKey({ columns: [table.kind, table.key] })]
	);

	/**
	 * A one-time code to choose a new password, made by a counsellor for a student who forgot theirs (a
	 * pseudonym has no e-mail to send a link to) and given by hand. One live code per account; only its hash,
	 * salted with the account id, is kept; it works once, within a day.
	 */
	const passwordResets = k.table('password_resets', {
		userId: k
			.text('user_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		codeHash: k.text('code_hash').notNull(),
		issuedBy: k.text('issued_by').references(() => users.id, { onDelete: 'set null' }),
		expiresAt: k.timestamp('expires_at').notNull()
	});

	/**
	 * Throttles shared by every app process: one row per key (« login-account:… », « login-address:… »…), the
	 * attempts counted in the current window, and the lock, if any. An attempt is counted before it is checked
	 * (a password verified, a code looked up), so that a burst of parallel requests cannot pass together.
	 */
	const throttles = k.table('throttles', {
		key: k.text('key').primaryKey(),
		windowStart: k.timestamp('window_start').notNull(),
		attempts: k.integer('attempts').notNull(),
		lockedUntil: k.timestamp('locked_until')
	});

	return {
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
	};
}
