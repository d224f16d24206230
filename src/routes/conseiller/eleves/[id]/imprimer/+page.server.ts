import { error } from '@sveltejs/kit';
import { formatDate } from '$lib/labels';
import { requireCounsellor } from '$lib/server/auth/guards';
import { studentFile } from '$lib/server/counsellor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user } = requireCounsellor(event);
	const file = studentFile(user, event.params.id, 'student_printed');
	if (!file) error(404, { message: 'Élève introuvable' });
	return { ...file, printedOn: formatDate(new Date(), { dateStyle: 'long' }) };
};
