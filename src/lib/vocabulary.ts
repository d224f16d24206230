/** The closed lists of the catalogue (kinds, formats, financing…), shared by the server and the pages. */

export const TRAINING_KINDS = [
	'cap',
	'bac-pro',
	'mention-complementaire',
	'bootcamp',
	'titre-professionnel',
	'certification',
	'mooc',
	'bts',
	'but',
	'cpge',
	'licence',
	'licence-pro',
	'master',
	'ecole-ingenieur',
	'msc',
	'dn-made',
	'autre'
] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const TRAINING_FORMATS = ['presentiel', 'distanciel', 'alternance'] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];

export const FINANCING_KINDS = [
	'gratuit',
	'cpf',
	'france-travail',
	'apprentissage',
	'region',
	'opco',
	'bourse',
	'transitions-pro'
] as const;
export type FinancingKind = (typeof FINANCING_KINDS)[number];

/** How common remote work is: often fully remote, some days a week, or mostly on site. */
export const REMOTE_LEVELS = ['frequent', 'partial', 'rare'] as const;
export type RemoteLevel = (typeof REMOTE_LEVELS)[number];

/**
 * The lowest level of study that commonly leads to a first job in a career: a CAP, the bac (général,
 * technologique or professionnel), or so many years after it. Ordered from the shortest route.
 */
export const ENTRY_LEVELS = ['cap', 'bac', 'bac+2', 'bac+3', 'bac+5'] as const;
export type EntryLevel = (typeof ENTRY_LEVELS)[number];

/** « Accessible in two years of study or less »: a CAP, the bac, or two years after it. */
export const SHORT_STUDIES: readonly EntryLevel[] = ['cap', 'bac', 'bac+2'];

/** Whether a career entered at `level` is open to someone who studies up to `limit`. */
export const withinStudies = (level: EntryLevel, limit: EntryLevel) =>
	ENTRY_LEVELS.indexOf(level) <= ENTRY_LEVELS.indexOf(limit);

/**
 * A certification's registration with France compétences: an RNCP or a Répertoire spécifique code, or
 * « à vérifier » where a code is said to exist but could not be checked (then no CPF is claimed on it).
 */
export const REGISTRATION_TO_CHECK = 'à vérifier';

/** How a quiz is taken: `adaptive` (the default: questions chosen for the person) or `full` (the whole bank). */
export const QUIZ_MODES = ['adaptive', 'full'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];
