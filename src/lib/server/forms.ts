import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/**
 * Boussole's one form convention. Each form is a zod schema over its fields (strings as posted; a missing
 * field is an empty string, a checkbox is 'on' or ''); `readForm` parses it and, on failure, answers
 * `fail(400, { values, errors })`: the values typed (never a secret field) to show again, and one message per
 * field, in the visitor's language. Services refuse with the same shape (`refuse`), so a page reads every
 * failure the same way: `form.values`, `form.errors`, `form.message`.
 */

export type FieldErrors = Record<string, string>;

export interface FormFailure {
	values: Record<string, string>;
	errors: FieldErrors;
	/** A message about the whole form (throttled, not allowed…), when no single field is at fault. */
	message: string | null;
}

export interface FormSpec<S extends z.ZodObject> {
	schema: S;
	fields: readonly string[];
	/** Fields never sent back to the page (passwords): the person types them again. */
	secret: ReadonlySet<string>;
}

/** Longest value echoed back: enough for every field Boussole has, and no more. */
const ECHO_MAX = 4000;

export function defineForm<S extends z.ZodObject>(
	schema: S,
	options: { secret?: readonly (keyof S['shape'] & string)[] } = {}
): FormSpec<S> {
	return { schema, fields: Object.keys(schema.shape), secret: new Set(options.secret ?? []) };
}

export function refuse(
	status: 400 | 403 | 404 | 409 | 422 | 429,
	values: Record<string, string>,
	errors: FieldErrors = {},
	message: string | null = null
): ActionFailure<FormFailure> {
	return fail(status, { values, errors, message });
}

export type FormRead<S extends z.ZodObject> =
	| { ok: true; data: z.output<S>; values: Record<string, string> }
	| { ok: false; failure: ActionFailure<FormFailure> };

/** The declared fields of a posted form, as strings (a file, or a field posted twice, counts as its first text). */
function rawFields(form: FormData, fields: readonly string[]): Record<string, string> {
	return Object.fromEntries(
		fields.map((field) => {
			const value = form.get(field);
			return [field, typeof value === 'string' ? value : ''];
		})
	);
}

/**
 * U+0000 is never typed, and PostgreSQL refuses it in any text: refused in every field, whatever its schema.
 * Forms read without a schema of their own (the back-office's record forms) check it too.
 */
export function unstorableFields(raw: Record<string, string>): FieldErrors {
	const errors: FieldErrors = {};
	for (const [field, value] of Object.entries(raw))
		if (value.includes('\u0000')) errors[field] = m.field_unreadable();
	return errors;
}

export function parseForm<S extends z.ZodObject>(form: FormData, spec: FormSpec<S>): FormRead<S> {
	const raw = rawFields(form, spec.fields);
	const values = Object.fromEntries(
		Object.entries(raw)
			.filter(([field]) => !spec.secret.has(field))
			.map(([field, value]) => [field, value.slice(0, ECHO_MAX)])
	);
	const errors = unstorableFields(raw);
	if (Object.keys(errors).length > 0) return { ok: false, failure: refuse(400, values, errors) };
	const parsed = spec.schema.safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data, values };
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? '');
		errors[field] ??= issue.message || m.error_field_invalid();
	}
	return { ok: false, failure: refuse(400, values, errors) };
}

/**
 * The posted form, or an empty one when the body is not a form (text/plain, broken multipart, bad encoding):
 * such a post is then refused like a form with every field empty, never a server error.
 */
export async function postedForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		return new FormData();
	}
}

/** Reads and checks a posted form. */
export async function readForm<S extends z.ZodObject>(
	request: Request,
	spec: FormSpec<S>
): Promise<FormRead<S>> {
	return parseForm(await postedForm(request), spec);
}

/**
 * What no keyboard types: control characters other than tab and line breaks (PostgreSQL cannot even store
 * U+0000), and U+FFFD, the mark a decoder leaves where a post was not valid UTF-8.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNREADABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

/** Text as people type it: Unicode NFC, trimmed; a limit on its length, said in the visitor's language. */
/**
 * A value read from an address (`?tri=titre`) if it is one of those allowed, else null: a stale or hand-edited
 * link falls back to the default rather than failing.
 */
export function oneOf<T extends string | number>(value: string | null, allowed: readonly T[]): T | null {
	if (value === null) return null;
	return allowed.find((candidate) => String(candidate) === value) ?? null;
}

export function text(max: number) {
	return z
		.string()
		.normalize('NFC')
		.trim()
		.max(max, { error: () => m.field_too_long({ max }) })
		.refine((value) => !UNREADABLE.test(value), { error: () => m.field_unreadable() });
}

/** A checkbox: ticked or not. */
export const checkbox = z.string().transform((value) => value === 'on');
