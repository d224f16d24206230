import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { checkbox, defineForm, text } from '../forms';

export const COHORT_NAME_MAX = 80;
export const COHORT_GROUP_MAX = 60;
export const NOTE_MAX = 4000;

/** A cohort's name and group; the messages name the field and the limit. */
export const cohortForm = defineForm(
	z.object({
		name: text(COHORT_NAME_MAX).min(1, { error: () => m.cohort_name_required() }),
		groupLabel: text(COHORT_GROUP_MAX)
	})
);

/** A note's text and whether it is shared with the student; `noteId` names the note edited or deleted. */
export const noteForm = defineForm(
	z.object({
		noteId: z.string(),
		body: text(NOTE_MAX).min(1, { error: () => m.note_required() }),
		shared: checkbox
	})
);

export const noteIdForm = defineForm(z.object({ noteId: z.string() }));
