// `npm run content:check [dir] [filter]`: every problem the back-office would refuse to publish (house style,
// paths per career, O*NET grounding, distinct vectors, identifiability), one per line, for the people who
// write the catalogue. The schemas and links are checked first, by the loader.
import { catalogueProblems, readOnetInterests } from '../src/lib/server/catalog/checks';
import { loadCatalogueContent } from '../src/lib/server/catalog/content';

const dir = process.argv[2] ?? 'content';
const content = loadCatalogueContent(dir);
const problems = catalogueProblems(content, readOnetInterests(dir));
const only = process.argv[3];
for (const { file, field, problem } of problems) {
	if (!only || file.includes(only)) console.log(`${file}${field ? ` ${field}` : ''}: ${problem}`);
}
console.log(
	`${content.careers.length} careers, ${content.trainings.length} trainings, ${content.questions.length} questions: ${problems.length} problem(s)`
);
process.exitCode = problems.length > 0 ? 1 : 0;
