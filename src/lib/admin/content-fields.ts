import { m } from '$lib/paraglide/messages';
import { DIMENSION_IDS, RIASEC_IDS, SKILL_IDS } from '$lib/engine/dimensions';
import {
	ENTRY_LEVELS,
	FINANCING_KINDS,
	REMOTE_LEVELS,
	TRAINING_FORMATS,
	TRAINING_KINDS
} from '$lib/vocabulary';

/**
 * The back-office's form for each kind of catalogue record: every field the public pages use, in the order
 * an editor reads a « fiche ». Each field is a path into the record (`salary.junior`) and a way to type it;
 * the record's schema (`content-schema.ts`) still decides what is valid: a form field only converts text.
 *
 * - `text`, `textarea`: a string; `optional` leaves the field out when empty, `nullable` stores null.
 * - `number`: a number (`nullable`: empty is null).
 * - `lines`: a list of strings, one per line (ids, slugs, sentences).
 * - `select`: one of `options`.
 * - `json`: a structured field (colleagues…), written as JSON.
 * - `weights`: one number per dimension (`dimensions`), empty for none (a question's loadings).
 */
export type FieldType = 'text' | 'textarea' | 'number' | 'lines' | 'select' | 'json' | 'weights';

export interface FieldSpec {
	path: string;
	type: FieldType;
	label: { fr: string; en: string };
	options?: readonly string[];
	optional?: boolean;
	nullable?: boolean;
	dimensions?: readonly string[];
	/** Fixed once the record exists: other records point at it. */
	identity?: boolean;
	/** Shown in the vector editor, whose changes need a reason. */
	vector?: boolean;
}

const f = (
	path: string,
	type: FieldType,
	fr: string,
	en: string,
	more: Partial<FieldSpec> = {}
): FieldSpec => ({ path, type, label: { fr, en }, ...more });

export const CAREER_FIELDS: FieldSpec[] = [
	f('slug', 'text', 'Identifiant (dans l’adresse)', 'Identifier (in the address)', { identity: true }),
	f('title', 'text', 'Intitulé', 'Title'),
	f('family', 'select', 'Famille', 'Family'),
	f('entryLevel', 'select', 'Niveau d’entrée', 'Entry level', { options: ENTRY_LEVELS }),
	f('hook', 'text', 'Accroche (commence par un infinitif)', 'Hook (starts with a verb)'),
	f('summary', 'textarea', 'Résumé', 'Summary'),
	f('description', 'lines', 'Description (un paragraphe par ligne)', 'Description (one paragraph per line)'),
	f('scene', 'textarea', 'Une journée', 'A day at work'),
	f('missions', 'lines', 'Missions (une par ligne)', 'Tasks (one per line)'),
	f('softSkills', 'lines', 'Qualités (une par ligne)', 'Soft skills (one per line)'),
	f('technicalSkills', 'lines', 'Compétences techniques (une par ligne)', 'Technical skills (one per line)'),
	f('salary.junior', 'number', 'Salaire débutant (brut annuel, €)', 'Starting salary (gross, €/year)'),
	f('salary.confirmed', 'number', 'Salaire confirmé (brut annuel, €)', 'Experienced salary (gross, €/year)'),
	f('salary.expert', 'number', 'Salaire expert (brut annuel, €)', 'Expert salary (gross, €/year)'),
	f('salary.year', 'number', 'Année des salaires', 'Year of the salaries'),
	f('salary.sources', 'lines', 'Sources des salaires (identifiants)', 'Salary sources (ids)'),
	f('salary.regions', 'textarea', 'Paris et les régions', 'Paris and the regions', { optional: true }),
	f('salary.juniorMarket', 'textarea', 'Premier emploi', 'First job', { optional: true }),
	f('workWith', 'json', 'Travaille avec (JSON)', 'Works with (JSON)'),
	f('workplaces.employers', 'lines', 'Employeurs (un par ligne)', 'Employers (one per line)'),
	f('workplaces.freelance', 'textarea', 'En indépendant', 'Freelance'),
	f('workplaces.publicSector', 'textarea', 'Dans le public', 'Public sector'),
	f('workplaces.remote', 'select', 'Télétravail', 'Remote work', { options: REMOTE_LEVELS }),
	f('workplaces.remoteNote', 'textarea', 'Télétravail, en pratique', 'Remote work in practice'),
	f('paths.short', 'textarea', 'Parcours courts', 'Short paths'),
	f('paths.long', 'textarea', 'Parcours longs', 'Long paths'),
	f('testimonial.name', 'text', 'Témoignage : prénom', 'Testimonial: first name'),
	f('testimonial.age', 'number', 'Témoignage : âge', 'Testimonial: age'),
	f('testimonial.role', 'text', 'Témoignage : poste', 'Testimonial: job'),
	f('testimonial.quote', 'textarea', 'Témoignage : récit', 'Testimonial: story'),
	f('similar', 'lines', 'Métiers proches (identifiants)', 'Similar careers (ids)'),
	f('onet.code', 'text', 'Code O*NET', 'O*NET code'),
	f('onet.title', 'text', 'Intitulé O*NET', 'O*NET title'),
	f('onet.analogQuality', 'select', 'Correspondance O*NET', 'O*NET match', {
		options: ['direct', 'approx', 'guess']
	}),
	...RIASEC_IDS.map((id) => f(`vector.riasec.${id}`, 'number', id, id, { vector: true })),
	...SKILL_IDS.map((id) => f(`vector.skills.${id}`, 'number', id, id, { vector: true }))
];

export const TRAINING_FIELDS: FieldSpec[] = [
	f('slug', 'text', 'Identifiant (dans l’adresse)', 'Identifier (in the address)', { identity: true }),
	f('name', 'text', 'Nom', 'Name'),
	f('kind', 'select', 'Type', 'Kind', { options: TRAINING_KINDS }),
	f('track', 'select', 'Parcours', 'Track', { options: ['court', 'long'] }),
	f('durationMonths', 'number', 'Durée (mois)', 'Length (months)'),
	f('level.bac', 'number', 'Niveau (années après le bac, vide pour un CAP)', 'Level (years after the bac)', {
		nullable: true
	}),
	f('level.rncp', 'number', 'Niveau RNCP', 'RNCP level', { nullable: true }),
	f('registration.rncp', 'text', 'Code RNCP (ou « à vérifier »)', 'RNCP code (or « à vérifier »)', {
		nullable: true
	}),
	f('registration.rs', 'text', 'Code RS (ou « à vérifier »)', 'RS code (or « à vérifier »)', {
		nullable: true
	}),
	f(
		'formats',
		'lines',
		`Formats (${TRAINING_FORMATS.join(', ')})`,
		`Formats (${TRAINING_FORMATS.join(', ')})`
	),
	f(
		'financing',
		'lines',
		`Financements (${FINANCING_KINDS.join(', ')})`,
		`Funding (${FINANCING_KINDS.join(', ')})`
	),
	f('cost', 'textarea', 'Coût', 'Cost'),
	f('prerequisites', 'textarea', 'Prérequis', 'Prerequisites'),
	f('summary', 'textarea', 'Résumé', 'Summary'),
	f('providers', 'textarea', 'Où se former', 'Where to train'),
	f('careers', 'lines', 'Métiers visés (identifiants)', 'Careers it leads to (ids)'),
	f('skills', 'lines', 'Compétences travaillées (identifiants)', 'Skills it builds (ids)')
];

export const QUESTION_FIELDS: FieldSpec[] = [
	f('id', 'text', 'Identifiant', 'Identifier', { identity: true }),
	f('text.fr', 'textarea', 'Énoncé en français', 'Statement in French'),
	f('text.en', 'textarea', 'Énoncé en anglais', 'Statement in English'),
	f('rationale', 'textarea', 'Ce qu’elle mesure, et pourquoi', 'What it measures, and why'),
	f('loadings', 'weights', 'Poids par dimension (-1 à 1, vide si aucun)', 'Weight per dimension (-1 to 1)', {
		dimensions: DIMENSION_IDS
	})
];

export const FAMILY_FIELDS: FieldSpec[] = [
	f('id', 'text', 'Identifiant', 'Identifier', { identity: true }),
	f('name.fr', 'text', 'Nom en français', 'Name in French'),
	f('name.en', 'text', 'Nom en anglais', 'Name in English')
];

export const SOURCE_FIELDS: FieldSpec[] = [
	f('id', 'text', 'Identifiant', 'Identifier', { identity: true }),
	f('name', 'text', 'Titre', 'Title'),
	f('publisher', 'text', 'Éditeur', 'Publisher'),
	f('year', 'number', 'Année', 'Year'),
	f('url', 'text', 'Adresse (https)', 'Address (https)'),
	f('licence', 'text', 'Licence', 'Licence', { optional: true }),
	f('usedFor', 'textarea', 'Utilisée pour', 'Used for')
];

export const FIELDS = {
	career: CAREER_FIELDS,
	training: TRAINING_FIELDS,
	question: QUESTION_FIELDS,
	family: FAMILY_FIELDS,
	source: SOURCE_FIELDS
} as const;

/** The value at a path (`salary.junior`) of a record. */
export function valueAt(record: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], record);
}

/** The text a field shows for a value. */
export function fieldText(spec: FieldSpec, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (spec.type === 'lines') return (value as unknown[]).join('\n');
	if (spec.type === 'json') return JSON.stringify(value, null, 2);
	return String(value);
}

/**
 * The record a form describes: `base` (the record as it was) with every field of the form read in. A field
 * that cannot be converted (a word where a number goes, broken JSON) is reported under its path, and keeps
 * the text typed, so that the schema reports the rest.
 */
export function recordFromForm(
	specs: readonly FieldSpec[],
	form: { get(name: string): unknown },
	base: unknown
): { record: Record<string, unknown>; errors: Record<string, string> } {
	const record = structuredClone((base ?? {}) as Record<string, unknown>);
	const errors: Record<string, string> = {};
	for (const spec of specs) {
		if (spec.type === 'weights') {
			const weights: Record<string, number> = {};
			for (const id of spec.dimensions ?? []) {
				const text = String(form.get(`${spec.path}.${id}`) ?? '').trim();
				if (text === '') continue;
				const value = Number(text.replace(',', '.'));
				if (Number.isFinite(value)) weights[id] = value;
				else errors[`${spec.path}.${id}`] = m.content_error_number();
			}
			setAt(record, spec.path, weights);
			continue;
		}
		const raw = form.get(spec.path);
		if (raw === null || raw === undefined) continue;
		const text = String(raw).replace(/\r\n/g, '\n').trim();
		if (text === '' && (spec.optional || spec.nullable)) {
			setAt(record, spec.path, spec.optional ? undefined : null);
			continue;
		}
		switch (spec.type) {
			case 'number': {
				const value = Number(text.replace(',', '.').replace(/\s/g, ''));
				if (text === '' || !Number.isFinite(value)) {
					errors[spec.path] = m.content_error_number();
					setAt(record, spec.path, text);
				} else setAt(record, spec.path, value);
				break;
			}
			case 'lines':
				setAt(
					record,
					spec.path,
					text
						.split('\n')
						.map((line) => line.trim())
						.filter(Boolean)
				);
				break;
			case 'json':
				try {
					setAt(record, spec.path, JSON.parse(text));
				} catch {
					errors[spec.path] = m.content_error_json();
				}
				break;
			default:
				setAt(record, spec.path, text);
		}
	}
	return { record, errors };
}

function setAt(record: Record<string, unknown>, path: string, value: unknown): void {
	const keys = path.split('.');
	let target = record;
	for (const key of keys.slice(0, -1)) {
		if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
		target = target[key] as Record<string, unknown>;
	}
	const last = keys.at(-1)!;
	if (value === undefined) delete target[last];
	else target[last] = value;
}
