import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/labels';
import { listVersions, rollBack, versionWithChanges } from '$lib/server/admin/content';
import { requireEditor } from '$lib/server/auth/guards';
import { postedForm, refuse } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

function numberOf(param: string): number {
	const number = Number(param);
	if (!/^\d{1,9}$/.test(param) || !Number.isSafeInteger(number))
		error(404, { message: m.content_version_not_found() });
	return number;
}

export const load: PageServerLoad = async (event) => {
	requireEditor(event);
	const [version, versions] = await Promise.all([
		versionWithChanges(numberOf(event.params.number)),
		listVersions()
	]);
	if (!version) error(404, { message: m.content_version_not_found() });
	return {
		version: {
			...version,
			createdAt: formatDate(version.createdAt, { dateStyle: 'medium', timeStyle: 'short' })
		},
		current: versions[0]!.number,
		done: event.url.searchParams.get('retablie')
	};
};

export const actions: Actions = {
	rollback: async (event) => {
		const { user } = requireEditor(event);
		const number = numberOf(event.params.number);
		const basedOn = Number((await postedForm(event.request)).get('basedOn'));
		const outcome = await rollBack(user, number, basedOn);
		if (outcome.ok) redirect(303, `/admin/contenu/versions/${outcome.number}?retablie=${number}`);
		if (outcome.reason === 'not_found') error(404, { message: m.content_version_not_found() });
		if (outcome.reason === 'stale') return refuse(409, {}, {}, m.content_stale());
		if (outcome.reason === 'current') return refuse(409, {}, {}, m.content_is_current());
		if (outcome.reason === 'drafts') return refuse(409, {}, {}, m.content_rollback_drafts());
		return refuse(
			422,
			{},
			{},
			m.content_refused({ count: outcome.problems.length }) +
				' ' +
				outcome.problems.map((p) => [p.file, p.field, p.problem].filter(Boolean).join(' ')).join(' ; ')
		);
	}
};
