import type { DimensionId } from '$lib/engine/dimensions';
import type { Band } from '$lib/engine/types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { FinancingKind, RemoteLevel, TrainingFormat, TrainingKind } from '$lib/vocabulary';

export type Locale = 'fr' | 'en';

interface DimensionLabel {
	name: string;
	/** A few words that say what the dimension is about, for people who do not know the model. */
	hint: string;
}

/** Names of the 26 dimensions as people read them (RIASEC names follow Holland's usual French terms). */
const DIMENSION_LABELS: Record<Locale, Record<DimensionId, DimensionLabel>> = {
	fr: {
		R: { name: 'Réaliste', hint: 'le concret, les machines, faire de ses mains' },
		I: { name: 'Investigateur', hint: 'comprendre, analyser, chercher' },
		A: { name: 'Artistique', hint: 'créer, imaginer, s’exprimer' },
		S: { name: 'Social', hint: 'aider, expliquer, accompagner' },
		E: { name: 'Entreprenant', hint: 'convaincre, décider, lancer des projets' },
		C: { name: 'Conventionnel', hint: 'organiser, structurer, suivre une méthode' },
		programming: { name: 'Programmation', hint: 'écrire des instructions pour une machine' },
		data_analysis: { name: 'Analyse de données', hint: 'tirer des conclusions de chiffres' },
		math: { name: 'Mathématiques', hint: 'raisonner avec des nombres et de la logique' },
		visual_design: { name: 'Design visuel', hint: 'couleurs, mise en page, images' },
		communication: { name: 'Communication orale', hint: 'expliquer, écouter, présenter' },
		writing: { name: 'Écriture', hint: 'rédiger clairement' },
		project_management: { name: 'Gestion de projet', hint: 'planifier, coordonner, tenir les délais' },
		security: { name: 'Sécurité', hint: 'protéger, repérer les risques' },
		networks_infrastructure: { name: 'Réseaux et infrastructure', hint: 'serveurs, connexions, cloud' },
		customer_relations: { name: 'Relation client', hint: 'comprendre et servir les client·e·s' },
		business_strategy: {
			name: 'Stratégie et business',
			hint: 'comprendre comment une entreprise gagne sa vie'
		},
		marketing: { name: 'Marketing', hint: 'faire connaître, attirer un public' },
		teaching: { name: 'Transmission', hint: 'former, faire progresser les autres' },
		hardware: { name: 'Matériel', hint: 'composants, appareils, électronique' },
		creativity: { name: 'Créativité', hint: 'trouver des idées nouvelles' },
		rigor_detail: { name: 'Rigueur', hint: 'précision, sens du détail' },
		teamwork: { name: 'Travail en équipe', hint: 'coopérer, s’entraider' },
		autonomy: { name: 'Autonomie', hint: 'avancer seul·e, s’organiser' },
		problem_solving: { name: 'Résolution de problèmes', hint: 'chercher une panne, trouver une solution' },
		user_empathy: { name: 'Empathie utilisateur', hint: 'se mettre à la place des gens' }
	},
	en: {
		R: { name: 'Realistic', hint: 'hands-on work, machines, building things' },
		I: { name: 'Investigative', hint: 'understanding, analysing, researching' },
		A: { name: 'Artistic', hint: 'creating, imagining, expressing' },
		S: { name: 'Social', hint: 'helping, explaining, supporting' },
		E: { name: 'Enterprising', hint: 'persuading, deciding, launching projects' },
		C: { name: 'Conventional', hint: 'organising, structuring, following a method' },
		programming: { name: 'Programming', hint: 'writing instructions for a machine' },
		data_analysis: { name: 'Data analysis', hint: 'drawing conclusions from figures' },
		math: { name: 'Mathematics', hint: 'reasoning with numbers and logic' },
		visual_design: { name: 'Visual design', hint: 'colours, layout, images' },
		communication: { name: 'Speaking', hint: 'explaining, listening, presenting' },
		writing: { name: 'Writing', hint: 'writing clearly' },
		project_management: { name: 'Project management', hint: 'planning, coordinating, meeting deadlines' },
		security: { name: 'Security', hint: 'protecting, spotting risks' },
		networks_infrastructure: { name: 'Networks and infrastructure', hint: 'servers, connections, cloud' },
		customer_relations: { name: 'Customer relations', hint: 'understanding and serving customers' },
		business_strategy: { name: 'Business strategy', hint: 'how a company makes a living' },
		marketing: { name: 'Marketing', hint: 'making things known, attracting an audience' },
		teaching: { name: 'Teaching', hint: 'training others, helping them progress' },
		hardware: { name: 'Hardware', hint: 'components, devices, electronics' },
		creativity: { name: 'Creativity', hint: 'coming up with new ideas' },
		rigor_detail: { name: 'Attention to detail', hint: 'precision, care' },
		teamwork: { name: 'Teamwork', hint: 'cooperating, helping each other' },
		autonomy: { name: 'Autonomy', hint: 'working on your own, self-organising' },
		problem_solving: { name: 'Problem solving', hint: 'tracking a fault, finding a fix' },
		user_empathy: { name: 'User empathy', hint: 'putting yourself in people’s shoes' }
	}
};

export function currentLocale(): Locale {
	return getLocale() === 'en' ? 'en' : 'fr';
}

export function dimensionLabel(id: DimensionId, locale: Locale = currentLocale()): DimensionLabel {
	return DIMENSION_LABELS[locale][id];
}

/** Localised text from a `{ fr, en }` pair, as the catalogue stores it. */
export function localised(text: { fr: string; en: string }, locale: Locale = currentLocale()): string {
	return text[locale];
}

/** « 87 % » in French, « 87% » in English. */
export function formatPercent(value: number, locale: Locale = currentLocale()): string {
	return locale === 'fr' ? `${value}\u202f%` : `${value}%`;
}

/** A date as people read it, in Paris time (the app's users are in France, the server may not be). */
export function formatDate(
	date: Date,
	style: Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'> = {
		dateStyle: 'long',
		timeStyle: 'short'
	},
	locale: Locale = currentLocale()
): string {
	return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
		...style,
		timeZone: 'Europe/Paris'
	}).format(date);
}

const BAND_LABELS: Record<Band, () => string> = {
	tres_proche: m.band_tres_proche,
	proche: m.band_proche,
	a_explorer: m.band_a_explorer
};

export function bandLabel(band: Band): string {
	return BAND_LABELS[band]();
}

type Labels<K extends string> = Record<Locale, Record<K, string>>;

const TRAINING_KIND_LABELS: Labels<TrainingKind> = {
	fr: {
		cap: 'CAP',
		'bac-pro': 'Bac professionnel',
		'mention-complementaire': 'Mention complémentaire',
		bootcamp: 'Bootcamp',
		'titre-professionnel': 'Titre professionnel',
		certification: 'Certification',
		mooc: 'MOOC (cours en ligne)',
		bts: 'BTS',
		but: 'BUT',
		cpge: 'Classe préparatoire (CPGE)',
		licence: 'Licence',
		'licence-pro': 'Licence professionnelle',
		master: 'Master',
		'ecole-ingenieur': "École d'ingénieur",
		msc: 'MSc (école de commerce ou d’ingénieur)',
		'dn-made': 'DN MADE',
		autre: 'Autre formation'
	},
	en: {
		cap: 'CAP (2-year vocational certificate)',
		'bac-pro': 'Vocational baccalaureate',
		'mention-complementaire': 'Complementary vocational mention',
		bootcamp: 'Bootcamp',
		'titre-professionnel': 'Professional title',
		certification: 'Certification',
		mooc: 'MOOC (online course)',
		bts: 'BTS (2-year higher technician diploma)',
		but: 'BUT (3-year university technology bachelor)',
		cpge: 'Preparatory class (CPGE)',
		licence: 'Bachelor (licence)',
		'licence-pro': 'Professional bachelor',
		master: "Master's degree",
		'ecole-ingenieur': 'Engineering school',
		msc: 'MSc (business or engineering school)',
		'dn-made': 'DN MADE (design bachelor)',
		autre: 'Other training'
	}
};

const FORMAT_LABELS: Labels<TrainingFormat> = {
	fr: { presentiel: 'Présentiel', distanciel: 'À distance', alternance: 'En alternance' },
	en: { presentiel: 'On site', distanciel: 'Remote', alternance: 'Work-study' }
};

const FINANCING_LABELS: Labels<FinancingKind> = {
	fr: {
		gratuit: 'Gratuit',
		cpf: 'CPF (compte personnel de formation)',
		'france-travail': 'France Travail',
		apprentissage: "Contrat d'apprentissage",
		region: 'Région',
		opco: 'OPCO (employeur)',
		bourse: 'Bourse',
		'transitions-pro': 'Transitions Pro'
	},
	en: {
		gratuit: 'Free',
		cpf: 'CPF (personal training account)',
		'france-travail': 'France Travail (job centre)',
		apprentissage: 'Apprenticeship contract',
		region: 'Regional funding',
		opco: 'OPCO (employer funding)',
		bourse: 'Grant',
		'transitions-pro': 'Transitions Pro'
	}
};

const REMOTE_LABELS: Labels<RemoteLevel> = {
	fr: { frequent: 'Télétravail fréquent', partial: 'Télétravail partiel', rare: 'Surtout sur site' },
	en: { frequent: 'Remote work common', partial: 'Some remote work', rare: 'Mostly on site' }
};

export const trainingKindLabel = (kind: TrainingKind, locale = currentLocale()) =>
	TRAINING_KIND_LABELS[locale][kind];
export const formatLabel = (format: TrainingFormat, locale = currentLocale()) =>
	FORMAT_LABELS[locale][format];
export const financingLabel = (kind: FinancingKind, locale = currentLocale()) =>
	FINANCING_LABELS[locale][kind];
export const remoteLabel = (level: RemoteLevel, locale = currentLocale()) => REMOTE_LABELS[locale][level];

/** « 9 mois », « 2 ans », « 18 mois », « 3 ans et demi ». */
export function formatDuration(months: number, locale: Locale = currentLocale()): string {
	if (months % 12 === 0) {
		const years = months / 12;
		return locale === 'fr' ? `${years} an${years > 1 ? 's' : ''}` : `${years} year${years > 1 ? 's' : ''}`;
	}
	if (months > 24 && months % 6 === 0) {
		const years = Math.floor(months / 12);
		return locale === 'fr' ? `${years} ans et demi` : `${years}.5 years`;
	}
	return locale === 'fr' ? `${months} mois` : `${months} month${months > 1 ? 's' : ''}`;
}

/** « 45 000 € » in French, « €45,000 » in English. */
export function formatEuros(amount: number, locale: Locale = currentLocale()): string {
	return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
		style: 'currency',
		currency: 'EUR',
		maximumFractionDigits: 0
	}).format(amount);
}

/** « Bac+2 · RNCP 5 », or « Sans niveau reconnu ». */
export function formatLevel(
	level: { bac: number | null; rncp: number | null },
	locale: Locale = currentLocale()
): string {
	const parts = [
		level.bac === null
			? null
			: level.bac === 0
				? locale === 'fr'
					? 'Niveau bac'
					: 'Baccalaureate level'
				: `Bac+${level.bac}`,
		level.rncp === null ? null : `RNCP ${level.rncp}`
	].filter(Boolean);
	if (parts.length > 0) return parts.join(' · ');
	return locale === 'fr' ? 'Sans niveau officiel' : 'No official level';
}
