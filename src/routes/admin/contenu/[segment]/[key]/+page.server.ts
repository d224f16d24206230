import { error, redirect } from '@sveltejs/kit';
import { FIELDS, fieldText, recordFromForm, valueAt } from '$lib/admin/content-fields';
import { isKindSegment, KIND_SEGMENTS } from '$lib/admin/content-kinds';
import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/labels';
import {
	NEW_RECORD,
	discardDraft,
	recordForEditing,
	retireRecord,
	saveDraft
} from '$lib/server/admin/content';
import { RECORD_LISTS } from '$lib/server/catalog/content';
import { requireEditor } from '$lib/server/auth/guards';
import { postedForm, refuse, unstorableFields } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function kindOf(segment: string) {
	if (!isKindSegment(segment)) error(404, { message: m.content_not_found() });
	return KIND_SEGMENTS[segment];
}

/** The names of a kind's form fields (a question's weights one per dimension). */
function fieldNames(kind: keyof typeof FIELDS): string[] {
	return FIELDS[kind].flatMap((spec) =>
		spec.type === 'weights' ? (spec.dimensions ?? []).map((id) => `${spec.path}.${id}`) : [spec.path]
	);
}

/** The form's text for each field of a record (weights one per dimension). */
function formValues(kind: keyof typeof FIELDS, record: unknown): Record<string, string> {
	const values: Record<string, string> = {};
	for (const spec of FIELDS[kind]) {
		if (spec.type === 'weights') {
			for (const id of spec.dimensions ?? [])
				values[`${spec.path}.${id}`] = fieldText(spec, valueAt(record, `${spec.path}.${id}`));
		} else values[spec.path] = fieldText(spec, valueAt(record, spec.path));
	}
	return values;
}

export const load: PageServerLoad = async (event) => {
	requireEditor(event);
	const kind = kindOf(event.params.segment);
	const isNew = event.params.key === NEW_RECORD;
	const from = isNew ? event.url.searchParams.get('depuis') : event.params.key;
	const found = from ? await recordForEditing(kind, from) : null;
	if (!isNew && !found) error(404, { message: m.content_not_found() });
	const values = formValues(kind, found?.record ?? {});
	if (isNew) values[RECORD_LISTS[kind].key] = '';
	return {
		kind,
		segment: event.params.segment,
		isNew,
		key: isNew ? null : event.params.key,
		values,
		published: !isNew && found?.published !== null,
		stamp: isNew ? null : found!.stamp,
		draft: isNew || !found?.draft ? null : { ...found.draft, at: formatDate(found.draft.at) },
		families: found?.families ?? [],
		adjustments:
			kind === 'career' && found?.record
				? ((found.record as { adjustments: { dimensions: string[]; reason: string }[] }).adjustments ?? [])
				: [],
		saved: event.url.searchParams.has('enregistre')
	};
};

async function save(event: RequestEvent) {
	const { user } = requireEditor(event);
	const kind = kindOf(event.params.segment);
	const isNew = event.params.key === NEW_RECORD;
	const form = await postedForm(event.request);
	// What is echoed back is the form's own fields, never whatever names a client posts.
	const values = Object.fromEntries(
		[...fieldNames(kind), 'reason', 'stamp'].map((name) => {
			const value = form.get(name);
			return [name, typeof value === 'string' ? value.slice(0, 20_000) : ''];
		})
	);
	const unstorable = unstorableFields(values);
	if (Object.keys(unstorable).length > 0) return refuse(400, values, unstorable, m.content_fix_fields());
	const base = isNew ? null : await recordForEditing(kind, event.params.key);
	if (!isNew && !base) error(404, { message: m.content_not_found() });
	const { record, errors } = recordFromForm(FIELDS[kind], form, base?.record ?? {});
	if (Object.keys(errors).length > 0) return refuse(400, values, errors, m.content_fix_fields());
	const outcome = await saveDraft(
		user,
		kind,
		isNew ? null : event.params.key,
		record,
		String(form.get('reason') ?? ''),
		isNew ? undefined : String(form.get('stamp') ?? '')
	);
	if (!outcome.ok) {
		if (outcome.status === 404) error(404, { message: outcome.message ?? m.content_not_found() });
		return refuse(outcome.status, values, outcome.errors, outcome.message);
	}
	redirect(303, `/admin/contenu/${event.params.segment}/${outcome.key}?enregistre`);
}

export const actions: Actions = {
	save,
	discard: async (event) => {
		const { user } = requireEditor(event);
		const kind = kindOf(event.params.segment);
		if (!(await discardDraft(user, kind, event.params.key))) error(404, { message: m.content_not_found() });
		const still = await recordForEditing(kind, event.params.key);
		redirect(303, still ? `/admin/contenu/${event.params.segment}/${event.params.key}` : '/admin/contenu');
	},
	retire: async (event) => {
		const { user } = requireEditor(event);
		const kind = kindOf(event.params.segment);
		if (!(await retireRecord(user, kind, event.params.key))) error(404, { message: m.content_not_found() });
		redirect(303, `/admin/contenu/${event.params.segment}/${event.params.key}?enregistre`);
	}
};
