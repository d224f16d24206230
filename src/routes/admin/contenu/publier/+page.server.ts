import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/labels';
import { publishDrafts, reviewDrafts } from '$lib/server/admin/content';
import { requireEditor } from '$lib/server/auth/guards';
import { postedForm, refuse, unstorableFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireEditor(event);
	const review = await reviewDrafts();
	return {
		...review,
		drafts: review.drafts.map((draft) => ({ ...draft, updatedAt: formatDate(draft.updatedAt) })),
		published: event.url.searchParams.get('publiee')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireEditor(event);
		const form = await postedForm(event.request);
		const note = String(form.get('note') ?? '').slice(0, 500);
		const unstorable = unstorableFields({ note });
		if (Object.keys(unstorable).length > 0) return refuse(400, { note }, unstorable, unstorable.note);
		const basedOn = Number(form.get('basedOn'));
		if (!Number.isInteger(basedOn)) return refuse(400, { note }, {}, m.content_stale());
		const outcome = await publishDrafts(user, basedOn, String(form.get('stamp') ?? ''), note);
		if (outcome.ok) redirect(303, `/admin/contenu/publier?publiee=${outcome.number}`);
		if (outcome.reason === 'empty') return refuse(400, { note }, {}, m.content_nothing_to_publish());
		if (outcome.reason === 'stale') return refuse(409, { note }, {}, m.content_stale());
		if (outcome.reason === 'changed') return refuse(409, { note }, {}, m.content_drafts_changed());
		return refuse(422, { note }, {}, m.content_refused({ count: outcome.problems.length }));
	}
};
