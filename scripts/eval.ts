// `npm run eval`: the adaptive quiz against the whole bank on simulated respondents (src/lib/engine/evaluation.ts),
// beside 20 items drawn at random, the first 20 items of the bank, and the whole bank answered a second time.
// `--quick`: a smaller set (seconds). `--write`: saves the headline figures that /methodologie shows
// (src/lib/server/evaluation-figures.json).
import { writeFileSync } from 'node:fs';
import { ENGINE_VERSION } from '../src/lib/engine';
import { evaluate, type MethodFigures } from '../src/lib/engine/evaluation';
import { loadCatalogueContent } from '../src/lib/server/catalog/content';

const content = loadCatalogueContent('content');
const careers = content.careers.map(({ slug, vector }) => ({ slug, vector }));
const quick = process.argv.includes('--quick');
const set = {
	careers: careers.length,
	mixtures: quick ? 100 : 600,
	randoms: quick ? 60 : 300,
	seed: 20261130
};
const started = performance.now();
const report = evaluate(content.questions, careers, set);
const seconds = (performance.now() - started) / 1000;

const pct = (share: number) => `${(100 * share).toFixed(1)} %`;
const row = (name: string, f: MethodFigures) =>
	[
		name.padEnd(24),
		pct(f.firstInTopThree).padStart(8),
		f.meanOverlap.toFixed(2).padStart(8),
		f.meanAsked.toFixed(1).padStart(7),
		String(f.p90Asked).padStart(5),
		String(f.maxAsked).padStart(5)
	].join(' ');
const header = `${'method'.padEnd(24)} #1∈top3  overlap    mean   p90   max  (questions)`;

console.info(
	`eval: ${report.respondents} simulated respondents (${set.careers} careers, ${set.mixtures} mixtures of two, ` +
		`${set.randoms} random profiles), answers with Gaussian noise σ = 0.7 step, bank of ${content.questions.length} ` +
		`items, ${seconds.toFixed(1)} s\n`
);
console.info('against the whole bank (the same noisy answers):');
console.info(header);
console.info(row('adaptive', report.adaptive));
console.info(row('20 items at random', report.random20));
console.info(row('first 20 of the bank', report.first20));
console.info(row('whole bank, new noise', report.retest));
console.info("\nagainst each respondent's noise-free ranking (what a perfect measurement would give):");
console.info(header);
console.info(row('adaptive', report.againstTruth.adaptive));
console.info(row('20 items at random', report.againstTruth.random20));
console.info(row('first 20 of the bank', report.againstTruth.first20));
console.info(row('whole bank', report.againstTruth.wholeBank));
console.info(
	'\nby kind, against the whole bank (#1 in top 3): adaptive · 20 at random · whole bank, new noise'
);
for (const [kind, figures] of Object.entries(report.byKind))
	console.info(
		`  ${kind.padEnd(8)} ${String(figures.count).padStart(4)}: ${pct(figures.adaptive.firstInTopThree)} · ` +
			`${pct(figures.random20.firstInTopThree)} · ${pct(figures.retest.firstInTopThree)}`
	);
console.info(
	`\nadaptive quiz stopped with the top 3 settled: ${pct(report.settledShare)} (the others at the limit)`
);
const fair = report.mixtureCount / careers.length;
const counts = [...report.firstCounts].sort((a, b) => b[1] - a[1]);
const never = counts.filter(([, n]) => n === 0).map(([slug]) => slug);
console.info(
	`mixtures of two careers: the most frequent first career is ${counts[0]![0]} (${counts[0]![1]} of ` +
		`${report.mixtureCount}, ${(counts[0]![1] / fair).toFixed(1)}× a fair share); ` +
		`${never.length} careers first for none of them`
);

if (process.argv.includes('--write')) {
	const share = (value: number) => Math.round(1000 * value) / 10;
	const figures = {
		engineVersion: ENGINE_VERSION,
		questionCount: content.questions.length,
		careerCount: careers.length,
		respondents: report.respondents,
		adaptive: share(report.adaptive.firstInTopThree),
		random: share(report.random20.firstInTopThree),
		first: share(report.first20.firstInTopThree),
		retest: share(report.retest.firstInTopThree),
		meanAsked: Math.round(10 * report.adaptive.meanAsked) / 10
	};
	writeFileSync('src/lib/server/evaluation-figures.json', `${JSON.stringify(figures, null, '\t')}\n`);
	console.info('\nwritten: src/lib/server/evaluation-figures.json');
}
