import type { DimensionId } from '$lib/engine/dimensions';
import type { Band } from '$lib/engine/types';
import type { AuditAction, UserRole } from '$lib/server/db/tables';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { EntryLevel, FinancingKind, RemoteLevel, TrainingFormat, TrainingKind } from '$lib/vocabulary';

export type Locale = 'fr' | 'en';

interface DimensionLabel {
	name: string;
	/** A few words that say what the dimension is about, for people who do not know the model. */
	hint: string;
}

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
/** A message by a key built from an id (« dimension_R_name », « training_kind_bts »…); ids with dashes use underscores. */
function message(key: string, locale: Locale): string {
	const found = (m as unknown as Record<string, Message | undefined>)[key.replace(/-/g, '_')];
	if (!found) throw new Error(`No message « ${key} »`);
	return found({}, { locale });
}

export function currentLocale(): Locale {
	return getLocale() === 'en' ? 'en' : 'fr';
}

/** Names of the 26 dimensions as people read them (RIASEC names follow Holland's usual French terms). */
export function dimensionLabel(id: DimensionId, locale: Locale = currentLocale()): DimensionLabel {
	return { name: message(`dimension_${id}_name`, locale), hint: message(`dimension_${id}_hint`, locale) };
}

/** Localised text from a `{ fr, en }` pair, as the catalogue stores it. */
export function localised(text: { fr: string; en: string }, locale: Locale = currentLocale()): string {
	return text[locale];
}

/** « 87 % » in French, « 87% » in English. */
export function formatPercent(value: number, locale: Locale = currentLocale()): string {
	return locale === 'fr' ? `${value}\u202f%` : `${value}%`;
}

/** Made once per language and style: making one costs more than a page's other labels together. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as people read it, in Paris time (the app's users are in France, the server may not be). */
export function formatDate(
	date: Date,
	style: Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'> = {
		dateStyle: 'long',
		timeStyle: 'short'
	},
	locale: Locale = currentLocale()
): string {
	const key = `${locale} ${style.dateStyle} ${style.timeStyle}`;
	let format = dateFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
			...style,
			timeZone: 'Europe/Paris'
		});
		dateFormats.set(key, format);
	}
	return format.format(date);
}

const BAND_LABELS: Record<Band, () => string> = {
	tres_proche: m.band_tres_proche,
	proche: m.band_proche,
	a_explorer: m.band_a_explorer
};

export function bandLabel(band: Band): string {
	return BAND_LABELS[band]();
}

export const trainingKindLabel = (kind: TrainingKind, locale = currentLocale()) =>
	message(`training_kind_${kind}`, locale);
export const formatLabel = (format: TrainingFormat, locale = currentLocale()) =>
	message(`training_format_${format}`, locale);
export const financingLabel = (kind: FinancingKind, locale = currentLocale()) =>
	message(`financing_${kind}`, locale);
export const remoteLabel = (level: RemoteLevel, locale = currentLocale()) =>
	message(`remote_${level}`, locale);
/** « Accessible dès le bac », « Accessible à bac + 2 »… */
export const entryLevelLabel = (level: EntryLevel, locale = currentLocale()) =>
	message(`entry_level_${level.replace('+', '_')}`, locale);
/** The directory's filter: « Jusqu'au bac », « Jusqu'à bac + 2 »… */
export const entryLevelFilterLabel = (level: EntryLevel, locale = currentLocale()) =>
	message(`filter_entry_${level.replace('+', '_')}`, locale);

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

const AUDIT_ACTION_LABELS: Record<AuditAction, () => string> = {
	student_viewed: m.audit_student_viewed,
	student_printed: m.audit_student_printed,
	cohort_exported: m.audit_cohort_exported,
	cohort_viewed: m.audit_cohort_viewed,
	password_reset_issued: m.audit_password_reset_issued,
	password_reset_used: m.audit_password_reset_used,
	role_changed: m.audit_role_changed,
	account_disabled: m.audit_account_disabled,
	account_enabled: m.audit_account_enabled,
	content_draft_saved: m.audit_content_draft_saved,
	content_draft_discarded: m.audit_content_draft_discarded,
	content_retired: m.audit_content_retired,
	content_published: m.audit_content_published,
	content_rolled_back: m.audit_content_rolled_back
};

/** What someone did with an account, as its owner reads it in their trail (« a consulté votre profil »). */
export function auditActionLabel(action: AuditAction): string {
	return AUDIT_ACTION_LABELS[action]();
}

const ROLE_LABELS: Record<UserRole, () => string> = {
	student: m.admin_role_student,
	counsellor: m.admin_role_counsellor,
	editor: m.admin_role_editor,
	admin: m.admin_role_admin
};

export function roleLabel(role: UserRole): string {
	return ROLE_LABELS[role]();
}

/** Every role, in the order a list offers them, with its label. */
export function roleOptions(): { value: UserRole; label: string }[] {
	return (Object.keys(ROLE_LABELS) as UserRole[]).map((role) => ({ value: role, label: roleLabel(role) }));
}
