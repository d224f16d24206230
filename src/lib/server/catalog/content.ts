import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
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
	const seen = new Set<string>();
	return value.map((raw, index) => {
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
	const families = readList(join(dir, 'families.json'), familySchema, 'family id');
	const questions = readList(join(dir, 'questions.json'), questionSchema, 'question id');
	const sources = readList(join(dir, 'sources.json'), sourceSchema, 'source id');
	const sourceIds = new Set(sources.map((source) => source.id));

	const familyIds = new Set(families.map((f) => f.id));
	const careers = readDirectory(join(dir, 'careers'), careerSchema, (career, file) => {
		if (!familyIds.has(career.family)) {
			throw new ContentError(file, `field "family": unknown family "${career.family}"`);
		}
	});
	const careerSlugs = new Set(careers.map((career) => career.slug));
	careers.forEach((career) => {
		const file = join(dir, 'careers', `${career.slug}.json`);
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

	const trainings = readDirectory(join(dir, 'trainings'), trainingSchema, (training, file) => {
		training.careers.forEach((slug, index) => {
			if (!careerSlugs.has(slug))
				throw new ContentError(file, `field "careers.${index}": unknown career "${slug}"`);
		});
	});

	const version = encodeHexLowerCase(
		sha256(new TextEncoder().encode(JSON.stringify({ families, questions, careers, trainings, sources })))
	).slice(0, 12);
	return { number, version, families, questions, careers, trainings, sources };
}

/** Reads every `<slug>.json` of a folder, validated, in slug order; the slug must match the file name. */
function readDirectory<T extends { slug: string }>(
	directory: string,
	schema: z.ZodType<T>,
	check: (item: T, file: string) => void
): T[] {
	const items = readdirSync(directory)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => {
			const file = join(directory, name);
			const item = parseWith(schema, readJson(file), file);
			if (`${item.slug}.json` !== name) {
				throw new ContentError(file, `field "slug": "${item.slug}" does not match the file name`);
			}
			check(item, file);
			return item;
		});
	if (items.length === 0) throw new ContentError(directory, 'holds no file');
	return items;
}
