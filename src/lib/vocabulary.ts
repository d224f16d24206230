/** The closed lists of the catalogue (kinds, formats, financing…), shared by the server and the pages. */

export const TRAINING_KINDS = [
	'bootcamp',
	'titre-professionnel',
	'certification',
	'mooc',
	'bts',
	'but',
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
