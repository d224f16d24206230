import { REGISTRATION_TO_CHECK } from '$lib/vocabulary';
import type { CareerContent, QuestionContent, TrainingContent } from './content-schema';

/**
 * Boussole's house style for French text, as far as a program can check it. The rest (plain words, one
 * idea per sentence, epicene words first) is in docs/content-style.md, for the people who write.
 */

const NBSP = '\u00a0';
/** Before « ; ! ? » French typesetting uses the narrow no-break space. */
const NARROW_NBSP = '\u202f';

/**
 * Puts no-break spaces where French typography wants them, so that a colon, a question mark or a closing
 * guillemet never wraps alone at the start of a line on a phone: an ordinary space before « : » becomes a
 * no-break space; before « ; ! ? » a narrow one (added when a word touches them); inside « » a no-break
 * space. Idempotent. English text must not go through it.
 */
export function frenchTypography(text: string): string {
	return text
		.replace(/[ \t]+:/g, `${NBSP}:`)
		.replace(/[ \t\u00a0]+([;!?])/g, `${NARROW_NBSP}$1`)
		.replace(/([\p{L}\p{N})»])([;!?])(?=\s|$|»|\))/gu, `$1${NARROW_NBSP}$2`)
		.replace(/«[ \t\u00a0\u202f]*/g, `«${NBSP}`)
		.replace(/[ \t\u00a0\u202f]*»/g, `${NBSP}»`);
}

export interface StyleProblem {
	/** The file, as a writer finds it: `careers/pentester.json`. */
	file: string;
	field: string;
	problem: string;
}

/** The longest sentence a 15-year-old reads without losing the thread (words). */
export const MAX_SENTENCE_WORDS = 40;

/** « tu », « te », « ton »…: Boussole speaks to its reader as « vous » in the interface and not at all in texts. */
const FAMILIAR_YOU = /(?:^|[\s«(’'-])(?:(?:tu|toi|ton|ta|tes|te)(?=[\s,.;:!?»)]|$)|t['’](?=\p{L}))/iu;
/** A hook is an infinitive phrase: « Construire la machinerie… », « Protéger… », « Faire… ». */
const INFINITIVE_START = /^(?:Ne pas |N['’]|S['’]|Se |Y )?\p{Lu}\p{Ll}*(?:er|ir|re|oir)\b/u;

function* strings(value: unknown, path: string): Generator<[string, string]> {
	if (typeof value === 'string') yield [path, value];
	else if (Array.isArray(value)) {
		for (const [index, item] of value.entries()) yield* strings(item, `${path}[${index}]`);
	} else if (value && typeof value === 'object') {
		for (const [key, item] of Object.entries(value)) yield* strings(item, path ? `${path}.${key}` : key);
	}
}

/** Sentences, roughly: enough to measure length. */
function sentences(text: string): string[] {
	return text.split(/(?<=[.!?…])\s+(?=\p{Lu}|«)/u);
}

function wordCount(sentence: string): number {
	return sentence.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Checks every French string of a record: no point médian, no « tu », sentences of a readable length. */
function textProblems(file: string, record: unknown, skip: ReadonlySet<string>): StyleProblem[] {
	const problems: StyleProblem[] = [];
	for (const [field, text] of strings(record, '')) {
		if (skip.has(field) || field.endsWith('.en') || field === 'en') continue;
		if (text.includes('·'))
			problems.push({ file, field, problem: `point médian « ${excerpt(text, text.indexOf('·'))} »` });
		const familiar = FAMILIAR_YOU.exec(text);
		if (familiar) problems.push({ file, field, problem: `tutoiement « ${excerpt(text, familiar.index)} »` });
		for (const sentence of sentences(text)) {
			const words = wordCount(sentence);
			if (words > MAX_SENTENCE_WORDS)
				problems.push({ file, field, problem: `phrase de ${words} mots « ${sentence.slice(0, 60)}… »` });
		}
	}
	return problems;
}

function excerpt(text: string, at: number): string {
	return text.slice(Math.max(0, at - 20), at + 20).trim();
}

/**
 * Diplomas a career text names, found by their designation: « BTS SIO », « BUT Informatique », « bac pro
 * CIEL », « CAP … », « mention complémentaire … », « titre professionnel Développeur web et web mobile »,
 * « DN MADE », classes préparatoires, and the statistics schools. Each must have a training file whose name
 * contains the designation, so that the page can link to it.
 */
const DIPLOMA_MENTIONS: RegExp[] = [
	/\bBTSA? [A-ZÉ][\p{L}&]*(?: [A-ZÉ][\p{L}&]*)*/gu,
	/\bBUT [A-ZÉ][\p{L}&]*(?: [A-ZÉ][\p{L}&]*)*/gu,
	/\b[Bb]ac pro [A-ZÉ][\p{L}&]*(?: [A-ZÉ][\p{L}&]*)*/gu,
	/\bCAP [A-ZÉ][\p{L}&]*(?: [A-ZÉ][\p{L}&]*)*/gu,
	/\b[Mm]ention complémentaire [A-ZÉ][\p{L}&]*(?: [A-ZÉ][\p{L}&]*)*/gu,
	/\bDN MADE\b/gu,
	/\b(?:ENSAE|ENSAI)\b/gu,
	/\b(?:classes? préparatoires?|prépas?)(?= scientifiques?| MP| PSI| PC| MPSI| MP2I| ECG| économiques?|\b)/giu
];

function normalised(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[\u00a0\u202f]/g, ' ')
		.replace(/[’]/g, "'")
		.toLowerCase();
}

/** What a mention must find in a training's name (or kind, for the classes préparatoires). */
function mentionKey(mention: string): string {
	const key = normalised(mention).replace(/^titres? professionnels? /, 'titre professionnel ');
	if (/^(classes? preparatoires?|prepas?)$/.test(key)) return 'cpge';
	return key.replace(/^titre professionnel /, '');
}

/**
 * « titre professionnel Développeur web et web mobile », « titres professionnels « A » ou « B » »: the names
 * in guillemets in the rest of the clause, else the capitalised words that follow.
 */
function titresProfessionnels(text: string): string[] {
	const names: string[] = [];
	for (const match of text.matchAll(/\b[Tt]itres? professionnels? ([^.;:()]*)/gu)) {
		const clause = match[1] ?? '';
		const quoted = [...clause.matchAll(/«\s*([^»]+?)\s*»/gu)].map((q) => q[1]!);
		if (quoted.length > 0) names.push(...quoted.map((name) => `titre professionnel ${name}`));
		else {
			const named =
				/^[A-ZÉ][\p{L}’'-]*(?: (?:et|de|d['’]|du|des|en|à|la|le|les|l['’]|web|[\p{Lu}][\p{L}’'-]*))*/u.exec(
					clause
				);
			if (named)
				names.push(
					`titre professionnel ${named[0].replace(/ (?:et|de|d['’]|du|des|en|à|la|le|les|l['’])$/u, '')}`
				);
		}
	}
	return names;
}

export function citedDiplomas(text: string): string[] {
	const found = new Set<string>(titresProfessionnels(text));
	for (const pattern of DIPLOMA_MENTIONS) {
		for (const match of text.matchAll(pattern)) found.add(match[0].trim());
	}
	return [...found];
}

export interface StyleInput {
	careers: CareerContent[];
	trainings: TrainingContent[];
	questions: QuestionContent[];
}

/** Every house-style problem of the catalogue; an empty list when it is all in order. */
export function styleProblems(content: StyleInput): StyleProblem[] {
	const problems: StyleProblem[] = [];
	const trainingKeys = content.trainings.map((t) => ({
		words: new Set(normalised(t.name).split(/[^a-z0-9&]+/)),
		kind: t.kind
	}));

	for (const career of content.careers) {
		const file = `careers/${career.slug}.json`;
		problems.push(...textProblems(file, career, new Set(['slug', 'family', 'onet.code', 'onet.title'])));
		if (!INFINITIVE_START.test(career.hook))
			problems.push({
				file,
				field: 'hook',
				problem: `l'accroche commence par un infinitif « ${career.hook.slice(0, 40)} »`
			});
		const texts = [...strings(career, '')].filter(([field]) => !field.startsWith('testimonial.name'));
		for (const [field, text] of texts) {
			for (const mention of citedDiplomas(text)) {
				const key = mentionKey(mention);
				const words = key.split(/[^a-z0-9&]+/).filter(Boolean);
				const found =
					key === 'cpge'
						? trainingKeys.some((t) => t.kind === 'cpge')
						: trainingKeys.some((t) => words.every((word) => t.words.has(word)));
				if (!found)
					problems.push({ file, field, problem: `diplôme cité sans fiche formation « ${mention} »` });
			}
		}
	}

	for (const training of content.trainings) {
		const file = `trainings/${training.slug}.json`;
		problems.push(...textProblems(file, training, new Set(['slug', 'kind', 'track'])));
		// The schema requires the registration (a code, « à vérifier » or none); the CPF needs a checked code.
		const registered = [training.registration.rncp, training.registration.rs].some(
			(code) => code !== null && code !== REGISTRATION_TO_CHECK
		);
		if (training.financing.includes('cpf') && !registered)
			problems.push({
				file,
				field: 'financing',
				problem:
					'le CPF ne finance que les certifications enregistrées (RNCP ou RS) : code absent ou à vérifier'
			});
	}

	for (const question of content.questions) {
		problems.push(...textProblems('questions.json', { [question.id]: question.text.fr }, new Set()));
	}
	return problems;
}
