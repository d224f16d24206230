/**
 * French-friendly search text: lower case, no accents, and inclusive forms spelled out both ways, so that
 * « developpeur », « développeuse » and « Développeur·euse » all meet.
 */
export function normaliseForSearch(text: string): string {
	return expandInclusiveForms(text)
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
		.trim();
}

/** « Développeur·euse » → « Développeur Développeuse »; « Technicien·ne » → « Technicien Technicienne ». */
export function expandInclusiveForms(text: string): string {
	return text.replace(
		/(\p{Letter}+)·(\p{Letter}+)(?:·(\p{Letter}+))?/gu,
		(_, stem: string, ending: string, plural?: string) => {
			const masculine = plural ? `${stem}${plural}` : stem;
			return `${masculine} ${feminineOf(stem, ending)}${plural ?? ''}`;
		}
	);
}

function feminineOf(stem: string, ending: string): string {
	if (ending === 'euse' && stem.endsWith('eur')) return `${stem.slice(0, -3)}euse`;
	if (ending === 'rice' && stem.endsWith('teur')) return `${stem.slice(0, -4)}trice`;
	if (ending === 'ère' && stem.endsWith('er')) return `${stem.slice(0, -2)}ère`;
	if (ending === 'se' && stem.endsWith('eur')) return `${stem.slice(0, -3)}euse`;
	if (ending === 've' && stem.endsWith('f')) return `${stem.slice(0, -1)}ve`;
	return `${stem}${ending}`;
}

/** The words of a query, normalised; empty words dropped. */
export function searchTerms(query: string): string[] {
	return normaliseForSearch(query).split(' ').filter(Boolean);
}

/**
 * How well a set of weighted fields matches every term (0 = some term is missing). A term found at the start
 * of a word counts more than one found inside a word.
 */
export function matchScore(
	terms: readonly string[],
	fields: readonly { text: string; weight: number }[]
): number {
	let total = 0;
	for (const term of terms) {
		let best = 0;
		for (const field of fields) {
			const at = field.text.indexOf(term);
			if (at === -1) continue;
			const wordStart = at === 0 || field.text[at - 1] === ' ';
			best = Math.max(best, field.weight * (wordStart ? 2 : 1));
		}
		if (best === 0) return 0;
		total += best;
	}
	return total;
}
