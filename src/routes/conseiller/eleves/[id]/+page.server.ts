import { m } from '$lib/paraglide/messages';
import { notTheirs, requireCounsellor } from '$lib/server/auth/guards';
import { auditedStudentFile } from '$lib/server/cohorts/counsellor';
import { noteForm, noteIdForm } from '$lib/server/cohorts/input';
import { addNoteAbout, deleteNoteAbout, editNoteAbout, mayWriteAbout } from '$lib/server/cohorts/notes';
import { issuePasswordResetAudited } from '$lib/server/accounts/password-reset';
import { formatDate } from '$lib/labels';
import { readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

function notFound(event: Parameters<typeof notTheirs>[0]): never {
	notTheirs(event, m.error_student_not_found());
}

export const load: PageServerLoad = async (event) => {
	const { user } = requireCounsellor(event);
	const file = await auditedStudentFile(user, event.params.id, 'student_viewed');
	if (!file) notFound(event);
	return file;
};

/** A student the counsellor may not see is a 404 before the form is even read. */
async function counsellorOfStudent(event: Parameters<Actions[string]>[0]) {
	const { user } = requireCounsellor(event);
	if (!(await mayWriteAbout(user, event.params.id!))) notFound(event);
	return user;
}

export const actions: Actions = {
	addNote: async (event) => {
		const user = await counsellorOfStudent(event);
		const input = await readForm(event.request, noteForm);
		if (!input.ok) return input.failure;
		if (!(await addNoteAbout(user, event.params.id, input.data))) notFound(event);
		return { saved: 'added' as const };
	},
	editNote: async (event) => {
		const user = await counsellorOfStudent(event);
		const input = await readForm(event.request, noteForm);
		if (!input.ok) return input.failure;
		if (!(await editNoteAbout(user, event.params.id, input.data.noteId, input.data))) notFound(event);
		return { saved: 'edited' as const };
	},
	deleteNote: async (event) => {
		const user = await counsellorOfStudent(event);
		const input = await readForm(event.request, noteIdForm);
		if (!input.ok) return input.failure;
		if (!(await deleteNoteAbout(user, event.params.id, input.data.noteId))) notFound(event);
		return { saved: 'deleted' as const };
	},
	issueReset: async (event) => {
		const user = await counsellorOfStudent(event);
		const reset = await issuePasswordResetAudited(user, event.params.id);
		if (!reset) notFound(event);
		return { reset: { code: reset.code, until: formatDate(reset.expiresAt) } };
	}
};
