import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value.normalize('NFC').trim() : '';
};

export const COHORT_NAME_MAX = 80;
export const COHORT_GROUP_MAX = 60;
export const NOTE_MAX = 4000;

const cohortSchema = z.object({
	name: z.string().min(1).max(COHORT_NAME_MAX),
	groupLabel: z.string().max(COHORT_GROUP_MAX)
});

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** A cohort's name and group from a form; the messages name the field and the limit. */
export function readCohortForm(
	form: FormData
):
	| { ok: true; value: z.infer<typeof cohortSchema> }
	| { ok: false; values: { name: string; groupLabel: string }; errors: FieldErrors<'name' | 'groupLabel'> } {
	const values = { name: text(form, 'name'), groupLabel: text(form, 'groupLabel') };
	const parsed = cohortSchema.safeParse(values);
	if (parsed.success) return { ok: true, value: parsed.data };
	const errors: FieldErrors<'name' | 'groupLabel'> = {};
	if (values.name === '') errors.name = m.cohort_name_required();
	else if (values.name.length > COHORT_NAME_MAX) errors.name = m.field_too_long({ max: COHORT_NAME_MAX });
	if (values.groupLabel.length > COHORT_GROUP_MAX)
		errors.groupLabel = m.field_too_long({ max: COHORT_GROUP_MAX });
	return { ok: false, values, errors };
}

/** A note's text and whether it is shared with the student. */
export function readNoteForm(
	form: FormData
): { ok: true; value: { body: string; shared: boolean } } | { ok: false; body: string; error: string } {
	const body = text(form, 'body');
	if (body === '') return { ok: false, body, error: m.note_required() };
	if (body.length > NOTE_MAX) return { ok: false, body, error: m.field_too_long({ max: NOTE_MAX }) };
	return { ok: true, value: { body, shared: form.get('shared') === 'on' } };
}
