// `npm run content:check`: the catalogue's house-style problems, one per line, for the people who write it.
import { loadCatalogueContent } from '../src/lib/server/catalog/content';
import { styleProblems } from '../src/lib/server/catalog/house-style';

const dir = process.argv[2] ?? 'content';
const content = loadCatalogueContent(dir);
const problems = styleProblems(content);
const only = process.argv[3];
for (const { file, field, problem } of problems) {
	if (!only || file.includes(only)) console.log(`${file} ${field}: ${problem}`);
}
console.log(
	`${content.careers.length} careers, ${content.trainings.length} trainings, ${content.questions.length} questions: ${problems.length} problem(s)`
);
process.exitCode = problems.length > 0 ? 1 : 0;
