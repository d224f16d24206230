import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/lib/seeded-random';
import {
	RIASEC_IDS,
	SKILL_IDS,
	prepareCareers,
	profileFromValues,
	rankCareers,
	type Career,
	type Profile
} from '../src/lib/engine';

/** The catalogue's careers, read straight from the content files (the bench does not need the app). */
export function catalogueCareers(): Career[] {
	const dir = 'content/careers';
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.map((name) => {
			const career = JSON.parse(readFileSync(join(dir, name), 'utf8'));
			return { slug: career.slug, vector: career.vector };
		});
}

export function syntheticCareers(count: number): Career[] {
	const next = seededRandom(42);
	return Array.from({ length: count }, (_, i) => ({
		slug: `synthetic-${String(i).padStart(5, '0')}`,
		vector: {
			riasec: Object.fromEntries(RIASEC_IDS.map((id) => [id, next()])) as Career['vector']['riasec'],
			skills: Object.fromEntries(SKILL_IDS.map((id) => [id, next()])) as Career['vector']['skills']
		}
	}));
}

export function benchProfile(): Profile {
	const next = seededRandom(7);
	return profileFromValues({
		riasec: Object.fromEntries(RIASEC_IDS.map((id) => [id, next()])),
		skills: Object.fromEntries(SKILL_IDS.map((id) => [id, next()]))
	});
}

/**
 * The limit: the engine's arithmetic for a complete profile — Pearson over 6 interests, a skill fit of
 * coverage^0.7 × use^0.3 over 20 skills, the 0.6/0.4 blend, a sort — on flat Float64Arrays, with no objects,
 * no explanations, no checks. `benchEngine` checks that it ranks as the engine does before timing it.
 */
export function plainLoopRanking(person: Float64Array, careers: Float64Array, count: number): Int32Array {
	const scores = new Float64Array(count);
	let personMean = 0;
	for (let d = 0; d < 6; d++) personMean += person[d]!;
	personMean /= 6;
	let held = 0;
	for (let d = 6; d < 26; d++) held += person[d]!;
	for (let c = 0; c < count; c++) {
		const base = c * 26;
		let careerMean = 0;
		for (let d = 0; d < 6; d++) careerMean += careers[base + d]!;
		careerMean /= 6;
		let cross = 0;
		let pp = 0;
		let cc = 0;
		for (let d = 0; d < 6; d++) {
			const p = person[d]! - personMean;
			const k = careers[base + d]! - careerMean;
			cross += p * k;
			pp += p * p;
			cc += k * k;
		}
		const interest = (cross / Math.sqrt(pp * cc) + 1) / 2;
		let covered = 0;
		let required = 0;
		for (let d = 6; d < 26; d++) {
			const need = careers[base + d]!;
			covered += Math.min(person[d]!, need);
			required += need;
		}
		const skill = (covered / required) ** 0.7 * (covered / held) ** (1 - 0.7);
		scores[c] = 0.6 * interest + 0.4 * skill;
	}
	const order = new Int32Array(count);
	for (let i = 0; i < count; i++) order[i] = i;
	return order.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

export function flatten(profile: Profile, careers: Career[]): { person: Float64Array; table: Float64Array } {
	const ids = [...RIASEC_IDS, ...SKILL_IDS];
	const person = Float64Array.from(ids.map((id) => profile.values[id] ?? 0));
	const table = new Float64Array(careers.length * 26);
	careers.forEach((career, c) => {
		RIASEC_IDS.forEach((id, d) => (table[c * 26 + d] = career.vector.riasec[id]));
		SKILL_IDS.forEach((id, d) => (table[c * 26 + 6 + d] = career.vector.skills[id]));
	});
	return { person, table };
}

/** Runs `fn` for about `ms` milliseconds after a warm-up; returns operations per second. */
export function opsPerSecond(fn: () => unknown, ms = 1500): number {
	const warmUntil = performance.now() + ms / 3;
	while (performance.now() < warmUntil) fn();
	let runs = 0;
	const start = performance.now();
	let now = start;
	while (now - start < ms) {
		fn();
		runs += 1;
		now = performance.now();
	}
	return (runs * 1000) / (now - start);
}

export function benchEngine(): void {
	const profile = benchProfile();
	console.log(
		'\nEngine: rank one complete profile (ops/s, higher is better; budget: top 5 ≥ 0.67 of the loop)'
	);
	console.log(
		'catalogue              explain all      top 5 explained   plain Float64Array loop   all / loop   top 5 / loop'
	);
	const catalogue = catalogueCareers();
	for (const [label, careers] of [
		[`${catalogue.length} catalogue careers`, catalogue],
		['5,000 synthetic', syntheticCareers(5000)]
	] as const) {
		const { person, table } = flatten(profile, careers);
		// As the server does: the catalogue is prepared once (cached), each request ranks against it.
		const prepared = prepareCareers(careers);
		const engineOrder = rankCareers(profile, prepared, undefined, undefined, 0).matches.map((m) => m.slug);
		const loopOrder = Array.from(plainLoopRanking(person, table, careers.length), (i) => careers[i]!.slug);
		if (loopOrder.join() !== engineOrder.join())
			throw new Error(`The plain loop does not rank ${label} as the engine does`);
		const all = opsPerSecond(() => rankCareers(profile, prepared));
		const top = opsPerSecond(() => rankCareers(profile, prepared, undefined, undefined, 5));
		const loop = opsPerSecond(() => plainLoopRanking(person, table, careers.length));
		console.log(
			[
				label.padEnd(20),
				all.toFixed(0).padStart(13),
				top.toFixed(0).padStart(20),
				loop.toFixed(0).padStart(25),
				(all / loop).toFixed(3).padStart(12),
				(top / loop).toFixed(3).padStart(14)
			].join(' ')
		);
	}
}
