import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
	careerSchema,
	familySchema,
	questionSchema,
	sourceSchema,
	trainingSchema,
	versionSchema,
	type CareerContent,
	type FamilyContent,
	type QuestionContent,
	type SourceContent,
	type TrainingContent
} from './content-schema';

export const DEFAULT_CONTENT_DIR = 'content';

export interface CatalogueContent {
	/**
	 * The catalogue's number, from `content/version.json`: it grows with each change meant to reach
	 * deployments. A database imports `content/` only when this number is higher than its latest version.
	 */
	number: number;
	/** A short hash of the validated content: results record it, so a result can be explained later. */
	version: string;
	families: FamilyContent[];
	questions: QuestionContent[];
	careers: CareerContent[];
	trainings: TrainingContent[];
	sources: SourceContent[];
}

export class ContentError extends Error {
	constructor(file: string, detail: string) {
		super(`Invalid catalogue file ${file}: ${detail}`);
		this.name = 'ContentError';
	}
}

function readJson(file: string): unknown {
	let raw: string;
	try {
		raw = readFileSync(file, 'utf8');
	} catch (cause) {
		throw new ContentError(file, `cannot be read (${(cause as Error).message})`);
	}
	try {
		return JSON.parse(raw);
	} catch (cause) {
		throw new ContentError(file, `is not valid JSON (${(cause as Error).message})`);
	}
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, file: string, prefix = ''): T {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const issues = parsed.error.issues
		.slice(0, 5)
		.map(
			(issue) => `field "${[prefix, ...issue.path.map(String)].filter(Boolean).join('.')}": ${issue.message}`
		)
		.join('; ');
	throw new ContentError(file, issues);
}

/** A JSON file holding a list of records keyed by `id`: each validated, no id twice. */
function readList<T extends { id: string }>(file: string, schema: z.ZodType<T>, what: string): T[] {
	const value = readJson(file);
	if (!Array.isArray(value)) throw new ContentError(file, 'must contain a JSON array');
	return parseList(value, schema, file, what);
}

/** A list of records keyed by `id`, from a file or a stored version: each validated, no id twice. */
function parseList<T extends { id: string }>(
	items: unknown[],
	schema: z.ZodType<T>,
	file: string,
	what: string
): T[] {
	const seen = new Set<string>();
	return items.map((raw, index) => {
		const item = parseWith(schema, raw, file, `[${index}]`);
		if (seen.has(item.id)) throw new ContentError(file, `duplicate ${what} "${item.id}"`);
		seen.add(item.id);
		return item;
	});
}

/**
 * Reads and validates the launch catalogue. Any problem throws a ContentError naming the file and the
 * field, so a malformed file stops the start-up loudly instead of seeding half a catalogue.
 */
export function loadCatalogueContent(dir = DEFAULT_CONTENT_DIR): CatalogueContent {
	const versionFile = join(dir, 'version.json');
	const { number } = parseWith(versionSchema, readJson(versionFile), versionFile);
	return assembleCatalogue(
		number,
		{
			families: readList(join(dir, 'families.json'), familySchema, 'family id'),
			questions: readList(join(dir, 'questions.json'), questionSchema, 'question id'),
			sources: readList(join(dir, 'sources.json'), sourceSchema, 'source id'),
			careers: readDirectory(join(dir, 'careers'), careerSchema),
			trainings: readDirectory(join(dir, 'trainings'), trainingSchema)
		},
		(name) => join(dir, name)
	);
}

/** The records of a catalogue, each valid alone: what `content/` holds, and what a version stores. */
export type CatalogueRecords = Omit<CatalogueContent, 'number' | 'version'>;

/** Records as they come from outside the loader (a stored version, drafts): checked against the schemas. */
export interface UncheckedRecords {
	families: unknown[];
	questions: unknown[];
	careers: unknown[];
	trainings: unknown[];
	sources: unknown[];
}

/**
 * The same validation as the loader, for records that are not files (a version the back-office is about to
 * publish): every record against its schema (typography normalised), then `assembleCatalogue`. A problem
 * throws a ContentError naming the record as its file in `content/` would be named.
 */
export function catalogueFromRecords(number: number, records: UncheckedRecords): CatalogueContent {
	const folder = <T extends { slug: string }>(items: unknown[], schema: z.ZodType<T>, name: string) => {
		const seen = new Set<string>();
		return items
			.map((raw) => {
				const slug = (raw as { slug?: unknown } | null)?.slug;
				const item = parseWith(schema, raw, `${name}/${typeof slug === 'string' ? slug : '?'}.json`);
				if (seen.has(item.slug)) throw new ContentError(`${name}/${item.slug}.json`, 'is there twice');
				seen.add(item.slug);
				return item;
			})
			.sort((a, b) => byFileName(a.slug, b.slug));
	};
	return assembleCatalogue(number, {
		families: parseList(records.families, familySchema, 'families.json', 'family id'),
		questions: parseList(records.questions, questionSchema, 'questions.json', 'question id'),
		sources: parseList(records.sources, sourceSchema, 'sources.json', 'source id'),
		careers: folder(records.careers, careerSchema, 'careers'),
		trainings: folder(records.trainings, trainingSchema, 'trainings')
	});
}

/**
 * One record checked alone, as the back-office's forms do before keeping a draft: the field errors in French
 * (zod's French messages; the schema's own ones stay as written), keyed by the field's path.
 */
export function checkRecord<K extends RecordKind>(
	kind: K,
	value: unknown
): { ok: true; record: RecordOf<K> } | { ok: false; errors: Record<string, string> } {
	const parsed = (RECORD_SCHEMAS[kind] as unknown as z.ZodType<RecordOf<K>>).safeParse(value, {
		error: z.locales.fr().localeError
	});
	if (parsed.success) return { ok: true, record: parsed.data };
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) {
		const path = issue.path.map(String).join('.') || '(record)';
		errors[path] ??= issue.message;
	}
	return { ok: false, errors };
}

export const RECORD_KINDS = ['career', 'training', 'question', 'family', 'source'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
const RECORD_SCHEMAS = {
	career: careerSchema,
	training: trainingSchema,
	question: questionSchema,
	family: familySchema,
	source: sourceSchema
};
export interface RecordTypes {
	career: CareerContent;
	training: TrainingContent;
	question: QuestionContent;
	family: FamilyContent;
	source: SourceContent;
}
export type RecordOf<K extends RecordKind> = RecordTypes[K];
/** Where each kind of record sits in a catalogue, and what identifies it. */
export const RECORD_LISTS = {
	career: { list: 'careers', key: 'slug' },
	training: { list: 'trainings', key: 'slug' },
	question: { list: 'questions', key: 'id' },
	family: { list: 'families', key: 'id' },
	source: { list: 'sources', key: 'id' }
} as const satisfies Record<RecordKind, { list: keyof CatalogueRecords; key: string }>;

/** The key of a record of that kind: its slug or its id. */
export function keyOf(kind: RecordKind, record: unknown): string {
	return String((record as Record<string, unknown>)[RECORD_LISTS[kind].key]);
}

/**
 * The links between records (families, similar careers, colleagues, salary sources, trainings' careers) and
 * the content hash. `fileOf` names a record's file for the error, relative to `content/`.
 */
export function assembleCatalogue(
	number: number,
	records: CatalogueRecords,
	fileOf: (name: string) => string = (name) => name
): CatalogueContent {
	const { families, questions, careers, trainings, sources } = records;
	for (const [name, list] of [
		['careers', careers],
		['trainings', trainings]
	] as const)
		if (list.length === 0) throw new ContentError(fileOf(name), 'holds no file');
	const sourceIds = new Set(sources.map((source) => source.id));
	const familyIds = new Set(families.map((f) => f.id));
	const careerSlugs = new Set(careers.map((career) => career.slug));
	careers.forEach((career) => {
		const file = fileOf(join('careers', `${career.slug}.json`));
		if (!familyIds.has(career.family)) {
			throw new ContentError(file, `field "family": unknown family "${career.family}"`);
		}
		career.similar.forEach((slug, index) => {
			if (!careerSlugs.has(slug) || slug === career.slug) {
				throw new ContentError(file, `field "similar.${index}": "${slug}" is not another career`);
			}
		});
		career.workWith.forEach((partner, index) => {
			if (partner.slug !== undefined && !careerSlugs.has(partner.slug)) {
				throw new ContentError(file, `field "workWith.${index}.slug": unknown career "${partner.slug}"`);
			}
		});
		career.salary.sources.forEach((id, index) => {
			if (!sourceIds.has(id))
				throw new ContentError(file, `field "salary.sources.${index}": unknown source "${id}"`);
		});
	});
	trainings.forEach((training) => {
		const file = fileOf(join('trainings', `${training.slug}.json`));
		training.careers.forEach((slug, index) => {
			if (!careerSlugs.has(slug))
				throw new ContentError(file, `field "careers.${index}": unknown career "${slug}"`);
		});
	});

	return { number, version: contentHash(records), families, questions, careers, trainings, sources };
}

/** The short hash results record: the same records, in the same order, give the same hash. */
export function contentHash({ families, questions, careers, trainings, sources }: CatalogueRecords): string {
	return encodeHexLowerCase(
		sha256(new TextEncoder().encode(JSON.stringify({ families, questions, careers, trainings, sources })))
	).slice(0, 12);
}

/** The order of a folder's files (`a-b.json` before `a.json`): records are hashed in it, wherever they come from. */
function byFileName(a: string, b: string): number {
	const [x, y] = [`${a}.json`, `${b}.json`];
	return x < y ? -1 : x > y ? 1 : 0;
}

/** Reads every `<slug>.json` of a folder, validated, in slug order; the slug must match the file name. */
function readDirectory<T extends { slug: string }>(directory: string, schema: z.ZodType<T>): T[] {
	return readdirSync(directory)
		.filter((name) => name.endsWith('.json'))
		.sort((a, b) => byFileName(a.slice(0, -5), b.slice(0, -5)))
		.map((name) => {
			const file = join(directory, name);
			const item = parseWith(schema, readJson(file), file);
			if (`${item.slug}.json` !== name) {
				throw new ContentError(file, `field "slug": "${item.slug}" does not match the file name`);
			}
			return item;
		});
}
