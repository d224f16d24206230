import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeProfile, prepareCareers, rankCareers } from '$lib/engine';
import { RIASEC_IDS, type RiasecId } from '$lib/engine/dimensions';
import { seededRandom, simulatedAnswers } from '$lib/engine/simulate';
import { DEFAULT_CONTENT_DIR, type CatalogueRecords } from './content';
import { frenchTypography, styleProblems } from './house-style';

/**
 * The checks a catalogue passes beyond its schemas and links: the test suite runs them on `content/`, and
 * the back-office runs them before it publishes a version. Each problem names its record and says what is
 * wrong in French, for the editor who must mend it.
 */
export interface CatalogueProblem {
	/** The record at fault, named as its file in `content/`: `careers/pentester.json`… */
	file: string;
	field?: string;
	problem: string;
}

/** Noisy answers (σ = 0.7 answer step) must keep a career in the top 3 at least this often. */
export const NOISY_TOP_THREE = 0.9;
const NOISY_RESPONDENTS = 100;
/** An interest value may differ from O*NET's rescaled score by this much without an explained adjustment. */
export const ONET_TOLERANCE = 0.15;

/** O*NET's interest scores (1–7) per career slug, from the CSV files kept in `content/sources/`. */
export function readOnetInterests(dir = DEFAULT_CONTENT_DIR): Map<string, Record<RiasecId, number>> {
	const interests = new Map<string, Record<RiasecId, number>>();
	for (const name of ['onet-reference.csv', 'onet-more.csv']) {
		for (const row of readCsv(join(dir, 'sources', name))) {
			interests.set(
				row.slug!,
				Object.fromEntries(RIASEC_IDS.map((id) => [id, Number(row[`interest_${id}`])])) as Record<
					RiasecId,
					number
				>
			);
		}
	}
	return interests;
}

/** The rows of a CSV file, as records keyed by the header: quoted cells may hold commas and doubled quotes. */
export function readCsv(file: string): Record<string, string>[] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const text = readFileSync(file, 'utf8');
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(cell);
			cell = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += char;
	}
	if (cell !== '' || row.length > 0) rows.push([...row, cell]);
	const [header, ...records] = rows.filter((r) => r.some((c) => c !== ''));
	return records.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}

/** How well the quiz finds a career: who its own answers rank first, and its share of noisy top-3s. */
export function identifiability(content: CatalogueRecords, slug: string) {
	const { questions } = content;
	const careers = prepareCareers(content.careers.map(({ slug, vector }) => ({ slug, vector })));
	const career = content.careers.find((c) => c.slug === slug)!;
	// Explanations are not needed: only the order counts.
	const first = rankCareers(
		computeProfile(questions, simulatedAnswers(questions, career.vector)),
		careers,
		undefined,
		undefined,
		0
	).matches[0]!.slug;
	const random = seededRandom([...slug].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) >>> 0, 7));
	let inTopThree = 0;
	for (let i = 0; i < NOISY_RESPONDENTS; i += 1) {
		const answers = simulatedAnswers(questions, career.vector, { random, sigma: 0.7 });
		const top = rankCareers(
			computeProfile(questions, answers),
			careers,
			undefined,
			undefined,
			0
		).matches.slice(0, 3);
		if (top.some((match) => match.slug === slug)) inTopThree += 1;
	}
	return { first, topThree: inTopThree / NOISY_RESPONDENTS };
}

/**
 * Every problem of the catalogue; an empty list when it may be published. `onet` is O*NET's interests per
 * slug (a career without a row is not checked against it); `only` limits the slow identifiability check to
 * the careers whose vectors changed, when the others are known to pass.
 */
export function catalogueProblems(
	content: CatalogueRecords,
	onet: ReadonlyMap<string, Record<RiasecId, number>> = readOnetInterests(),
	only?: ReadonlySet<string>
): CatalogueProblem[] {
	const problems: CatalogueProblem[] = [];
	const fileOf = (kind: 'careers' | 'trainings', slug: string) => `${kind}/${slug}.json`;

	for (const career of content.careers) {
		const file = fileOf('careers', career.slug);
		const leading = content.trainings.filter((t) => t.careers.includes(career.slug));
		for (const [track, adjective] of [
			['court', 'courte'],
			['long', 'longue']
		] as const) {
			const count = leading.filter((t) => t.track === track).length;
			if (count < 2)
				problems.push({
					file,
					problem: `${count === 0 ? `aucune formation ${adjective} n'y mène` : `une seule formation ${adjective} y mène`}, il en faut au moins deux`
				});
		}
		const reference = onet.get(career.slug);
		const adjusted = new Set(career.adjustments.flatMap((a) => a.dimensions));
		for (const letter of RIASEC_IDS) {
			if (!reference || adjusted.has(letter)) continue;
			const rescaled = (reference[letter] - 1) / 6;
			if (Math.abs(career.vector.riasec[letter] - rescaled) > ONET_TOLERANCE + 1e-4)
				problems.push({
					file,
					field: `vector.riasec.${letter}`,
					problem: `s'écarte de plus de ${ONET_TOLERANCE} de la valeur O*NET (${rescaled.toFixed(2)}) sans ajustement expliqué`
				});
		}
	}

	const byVector = new Map<string, string>();
	for (const career of content.careers) {
		const key = JSON.stringify(career.vector);
		const twin = byVector.get(key);
		if (twin)
			for (const [slug, other] of [
				[career.slug, twin],
				[twin, career.slug]
			] as const)
				problems.push({
					file: fileOf('careers', slug),
					field: 'vector',
					problem: `même profil que « ${other} » : le quiz ne peut pas les distinguer`
				});
		byVector.set(key, career.slug);
	}

	for (const training of content.trainings) {
		const file = fileOf('trainings', training.slug);
		if (training.track === 'court' && training.durationMonths > 24)
			problems.push({ file, field: 'durationMonths', problem: 'une formation courte dure 24 mois au plus' });
		if (training.track === 'long' && training.kind !== 'cap' && training.level.bac === null)
			problems.push({ file, field: 'level.bac', problem: 'une formation longue a un niveau après le bac' });
		if (training.kind === 'cap' && training.level.bac !== null)
			problems.push({ file, field: 'level.bac', problem: 'un CAP se prépare sans le bac : niveau vide' });
	}

	problems.push(...styleProblems(content));

	for (const career of content.careers) {
		if (only && !only.has(career.slug)) continue;
		const { first, topThree } = identifiability(content, career.slug);
		const file = fileOf('careers', career.slug);
		if (first !== career.slug)
			problems.push({
				file,
				field: 'vector',
				problem: `des réponses faites sur son propre profil classent d'abord « ${first} »`
			});
		if (topThree < NOISY_TOP_THREE)
			problems.push({
				file,
				field: 'vector',
				problem: `avec des réponses bruitées, il n'est dans les trois premiers que ${Math.round(topThree * 100)} % du temps (il faut ${NOISY_TOP_THREE * 100} %)`
			});
	}
	return problems.map((found) => ({ ...found, problem: frenchTypography(found.problem) }));
}
