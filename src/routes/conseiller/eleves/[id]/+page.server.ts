import { error, fail } from '@sveltejs/kit';
import { requireCounsellor } from '$lib/server/auth/guards';
import { readNoteForm } from '$lib/server/cohorts/input';
import { studentFile } from '$lib/server/counsellor';
import { getDb } from '$lib/server/db';
import {
	addNote,
	counsellorCanSeeStudent,
	deleteNote,
	updateNote
} from '$lib/server/db/repositories/cohorts';
import { generateId } from '$lib/server/ids';
import type { Actions, PageServerLoad } from './$types';

function notFound(): never {
	error(404, { message: 'Élève introuvable' });
}

export const load: PageServerLoad = (event) => {
	const { user } = requireCounsellor(event);
	const file = studentFile(user, event.params.id, 'student_viewed');
	if (!file) notFound();
	return file;
};

/** Notes are written only about a student the counsellor may see, and changed only by their author. */
async function noteContext(event: Parameters<Actions[string]>[0]) {
	const { user } = requireCounsellor(event);
	const studentId = event.params.id!;
	if (!counsellorCanSeeStudent(getDb(), user.id, studentId)) notFound();
	const form = await event.request.formData();
	const noteId = form.get('noteId');
	return { authorId: user.id, studentId, form, noteId: typeof noteId === 'string' ? noteId : '' };
}

export const actions: Actions = {
	addNote: async (event) => {
		const { authorId, studentId, form } = await noteContext(event);
		const input = readNoteForm(form);
		if (!input.ok) return fail(400, { noteId: null, body: input.body, error: input.error });
		addNote(getDb(), { id: generateId(), authorId, studentId, ...input.value });
		return { saved: 'added' as const };
	},
	editNote: async (event) => {
		const { authorId, studentId, form, noteId } = await noteContext(event);
		const input = readNoteForm(form);
		if (!input.ok) return fail(400, { noteId, body: input.body, error: input.error });
		if (!updateNote(getDb(), { id: noteId, authorId, studentId }, input.value)) notFound();
		return { saved: 'edited' as const };
	},
	deleteNote: async (event) => {
		const { authorId, studentId, noteId } = await noteContext(event);
		if (!deleteNote(getDb(), { id: noteId, authorId, studentId })) notFound();
		return { saved: 'deleted' as const };
	}
};
