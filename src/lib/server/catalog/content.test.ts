import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIMENSION_IDS, RIASEC_IDS } from '$lib/engine/dimensions';
import { ContentError, loadCatalogueContent } from './content';
import { catalogueProblems, readCsv, readOnetInterests } from './checks';
import { styleProblems } from './house-style';

/** The 31 launch slugs: stable, they never change meaning (DESIGN.md). */
const LAUNCH_SLUGS = [
	'developpeur-back-end',
	'developpeur-front-end',
	'developpeur-full-stack',
	'developpeur-mobile',
	'ingenieur-devops',
	'architecte-cloud',
	'data-analyst',
	'data-scientist',
	'data-engineer',
	'ingenieur-machine-learning',
	'ux-ui-designer',
	'product-owner',
	'chef-de-projet-digital',
	'business-analyst',
	'testeur-qa',
	'analyste-cybersecurite',
	'pentester',
	'administrateur-systemes-reseaux',
	'technicien-support-informatique',
	'technicien-reseaux',
	'integrateur-web',
	'consultant-seo-growth',
	'community-manager',
	'redacteur-technique',
	'scrum-master',
	'administrateur-base-de-donnees',
	'developpeur-embarque',
	'developpeur-jeux-video',
	'graphiste-webdesigner',
	'formateur-numerique',
	'ingenieur-avant-vente'
];

/** Careers whose usual first door is a CAP, a bac or a bac+2: the catalogue is not only for engineers. */
const EARLY_ENTRY_LEVELS = new Set(['cap', 'bac', 'bac+2']);

const content = loadCatalogueContent('content');

describe('the catalogue', () => {
	it('keeps every launch career, and has no career twice', () => {
		const slugs = content.careers.map((c) => c.slug);
		expect(slugs).toEqual(expect.arrayContaining(LAUNCH_SLUGS));
		expect(new Set(slugs).size).toBe(slugs.length);
	});

	it('has at least 60 careers, at least 20 of them open after a CAP, a bac or a bac+2', () => {
		expect(content.careers.length).toBeGreaterThanOrEqual(60);
		for (const career of content.careers) expect(career.entryLevel, career.slug).toBeDefined();
		const early = content.careers.filter((c) => EARLY_ENTRY_LEVELS.has(c.entryLevel!));
		expect(early.length).toBeGreaterThanOrEqual(20);
	});

	it('has the families of families.json, each with at least one career', () => {
		const listed = (JSON.parse(readFileSync('content/families.json', 'utf8')) as { id: string }[]).map(
			(f) => f.id
		);
		expect(listed).toHaveLength(10);
		expect(content.families.map((f) => f.id)).toEqual(listed);
		for (const family of content.families) {
			expect(
				content.careers.some((c) => c.family === family.id),
				family.id
			).toBe(true);
		}
	});

	it('has at least 48 questions, every dimension measured by at least two, some reverse-keyed', () => {
		expect(content.questions.length).toBeGreaterThanOrEqual(48);
		for (const dimension of DIMENSION_IDS) {
			const measuring = content.questions.filter((q) => Math.abs(q.loadings[dimension] ?? 0) >= 0.5);
			expect(measuring.length, dimension).toBeGreaterThanOrEqual(2);
		}
		const reversed = content.questions.filter((q) => Object.values(q.loadings).some((w) => (w ?? 0) < 0));
		expect(reversed.length).toBeGreaterThanOrEqual(5);
	});

	it('grounds each interest vector in O*NET: within 0.15 of the rescaled score, or an explained adjustment', () => {
		const rows = ['onet-reference.csv', 'onet-more.csv'].flatMap((name) =>
			readCsv(`content/sources/${name}`)
		);
		for (const row of rows) expect(Object.keys(row), row.slug).toHaveLength(Object.keys(rows[0]!).length);
		const onet = new Map(rows.map((row) => [row.slug!, row]));
		expect(onet.size, 'one O*NET row per slug').toBe(rows.length);
		for (const career of content.careers) {
			const reference = onet.get(career.slug);
			expect(reference, career.slug).toBeDefined();
			expect(career.onet.code).toBe(reference!.onet_code);
			const adjusted = new Set(career.adjustments.flatMap((a) => a.dimensions));
			for (const letter of RIASEC_IDS) {
				const rescaled = (Number(reference![`interest_${letter}`]) - 1) / 6;
				if (!adjusted.has(letter)) {
					expect(
						Math.abs(career.vector.riasec[letter] - rescaled),
						`${career.slug} ${letter}`
					).toBeLessThanOrEqual(0.1501);
				}
			}
		}
	});

	it('keeps careers distinguishable: no two share an interest shape and a skill profile', () => {
		const key = (c: (typeof content.careers)[number]) => JSON.stringify(c.vector);
		expect(new Set(content.careers.map(key)).size).toBe(content.careers.length);
	});

	it('gives every career every section of its profile, filled in', () => {
		for (const career of content.careers) {
			const sections = [
				career.title,
				career.hook,
				career.summary,
				career.scene,
				career.workplaces.freelance,
				career.workplaces.publicSector,
				career.workplaces.remoteNote,
				career.paths.short,
				career.paths.long,
				career.testimonial.quote,
				career.testimonial.role
			];
			expect(
				sections.every((text) => text.trim().length > 0),
				career.slug
			).toBe(true);
			expect(career.description.length, career.slug).toBeGreaterThanOrEqual(3);
			expect(career.missions.length, career.slug).toBeGreaterThanOrEqual(4);
			expect(career.softSkills.length, career.slug).toBeGreaterThanOrEqual(4);
			expect(career.technicalSkills.length, career.slug).toBeGreaterThanOrEqual(4);
			expect(career.workWith.length, career.slug).toBeGreaterThanOrEqual(3);
			expect(career.workplaces.employers.length, career.slug).toBeGreaterThanOrEqual(3);
			expect(career.similar.length, career.slug).toBeGreaterThanOrEqual(3);
			expect(career.testimonial.illustrative).toBe(true);
			expect(Object.keys(career.vector.riasec)).toHaveLength(6);
			expect(Object.keys(career.vector.skills)).toHaveLength(20);
		}
	});

	it('orders salaries junior ≤ confirmé ≤ expert, with known sources', () => {
		const sources = new Set(content.sources.map((s) => s.id));
		for (const { slug, salary } of content.careers) {
			expect(salary.junior, slug).toBeLessThanOrEqual(salary.confirmed);
			expect(salary.confirmed, slug).toBeLessThanOrEqual(salary.expert);
			expect(
				salary.sources.every((id) => sources.has(id)),
				slug
			).toBe(true);
		}
	});

	it('has links that resolve: similar careers, colleagues, trainings', () => {
		const slugs = new Set(content.careers.map((c) => c.slug));
		for (const career of content.careers) {
			for (const slug of career.similar)
				expect(slugs.has(slug) && slug !== career.slug, `${career.slug} → ${slug}`).toBe(true);
			for (const partner of career.workWith)
				if (partner.slug) expect(slugs.has(partner.slug), partner.slug).toBe(true);
		}
		for (const training of content.trainings) {
			expect(training.careers.length, training.slug).toBeGreaterThanOrEqual(1);
			for (const slug of training.careers) expect(slugs.has(slug), `${training.slug} → ${slug}`).toBe(true);
		}
	});

	it('has at least 90 trainings, with two short and two long paths to every career, and no duplicate slug', () => {
		expect(content.trainings.length).toBeGreaterThanOrEqual(90);
		const all = [...content.careers.map((c) => c.slug), ...content.trainings.map((t) => t.slug)];
		expect(new Set(all).size).toBe(all.length);
		for (const career of content.careers) {
			const leading = content.trainings.filter((t) => t.careers.includes(career.slug));
			expect(
				leading.filter((t) => t.track === 'court').length,
				`${career.slug}: short paths`
			).toBeGreaterThanOrEqual(2);
			expect(
				leading.filter((t) => t.track === 'long').length,
				`${career.slug}: long paths`
			).toBeGreaterThanOrEqual(2);
		}
	});

	it('keeps short paths short and long paths post-bac, or a CAP', () => {
		for (const training of content.trainings) {
			if (training.track === 'court') expect(training.durationMonths, training.slug).toBeLessThanOrEqual(24);
			if (training.track === 'long' && training.kind !== 'cap')
				expect(training.level.bac, training.slug).not.toBeNull();
			if (training.kind === 'cap') expect(training.level.bac, training.slug).toBeNull();
		}
	});

	it('follows the house style everywhere (npm run content:check)', () => {
		expect(styleProblems(content)).toEqual([]);
	});

	it('passes every check the back-office runs before publishing', () => {
		expect(catalogueProblems(content, readOnetInterests('content'), new Set())).toEqual([]);
	});

	it('has a stable version: the same content gives the same hash', () => {
		expect(loadCatalogueContent('content').version).toBe(content.version);
		expect(content.version).toMatch(/^[0-9a-f]{12}$/);
	});
});

describe('a malformed catalogue', () => {
	let dir: string;
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	function brokenCopy(edit: (dir: string) => void): string {
		dir = mkdtempSync(join(tmpdir(), 'boussole-content-'));
		cpSync('content', dir, { recursive: true });
		edit(dir);
		return dir;
	}

	it('fails loudly, naming the file and the field', () => {
		const root = brokenCopy((d) => {
			const file = join(d, 'careers', 'pentester.json');
			const career = JSON.parse(readFileSync(file, 'utf8'));
			career.vector.skills.security = 1.7;
			writeFileSync(file, JSON.stringify(career));
		});
		expect(() => loadCatalogueContent(root)).toThrow(ContentError);
		expect(() => loadCatalogueContent(root)).toThrow(
			/careers\/pentester\.json.*field "vector\.skills\.security"/
		);
	});

	it('names the question at fault', () => {
		const root = brokenCopy((d) => {
			const file = join(d, 'questions.json');
			const questions = JSON.parse(readFileSync(file, 'utf8'));
			questions[3].loadings = { telepathy: 1 };
			writeFileSync(file, JSON.stringify(questions));
		});
		expect(() => loadCatalogueContent(root)).toThrow(/questions\.json.*field "\[3\]\.loadings/);
	});

	it('refuses a training that leads to an unknown career', () => {
		const root = brokenCopy((d) => {
			const [name] = readdirSync(join(d, 'trainings'));
			const file = join(d, 'trainings', name!);
			writeFileSync(
				file,
				JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), careers: ['astronaute'] })
			);
		});
		expect(() => loadCatalogueContent(root)).toThrow(
			/trainings\/.*\.json: field "careers\.0": unknown career "astronaute"/
		);
	});

	it('refuses a similar career that does not exist, and disordered salaries', () => {
		const root = brokenCopy((d) => {
			const file = join(d, 'careers', 'pentester.json');
			const career = JSON.parse(readFileSync(file, 'utf8'));
			writeFileSync(
				file,
				JSON.stringify({ ...career, similar: ['pentester', 'data-analyst', 'scrum-master'] })
			);
		});
		expect(() => loadCatalogueContent(root)).toThrow(/pentester\.json: field "similar\.0"/);
		rmSync(dir, { recursive: true, force: true });
		const salaries = brokenCopy((d) => {
			const file = join(d, 'careers', 'data-analyst.json');
			const career = JSON.parse(readFileSync(file, 'utf8'));
			writeFileSync(file, JSON.stringify({ ...career, salary: { ...career.salary, junior: 90_000 } }));
		});
		expect(() => loadCatalogueContent(salaries)).toThrow(
			/data-analyst\.json: field "salary": salaries must be ordered/
		);
	});

	it('refuses a question listed twice, and a list that is not an array', () => {
		const twice = brokenCopy((d) => {
			const file = join(d, 'questions.json');
			const questions = JSON.parse(readFileSync(file, 'utf8'));
			writeFileSync(file, JSON.stringify([...questions, questions[0]]));
		});
		expect(() => loadCatalogueContent(twice)).toThrow(/questions\.json: duplicate question id "/);
		rmSync(dir, { recursive: true, force: true });
		const notArray = brokenCopy((d) => writeFileSync(join(d, 'sources.json'), '{}'));
		expect(() => loadCatalogueContent(notArray)).toThrow(/sources\.json: must contain a JSON array/);
	});

	it('refuses invalid JSON and unknown families', () => {
		const badJson = brokenCopy((d) => writeFileSync(join(d, 'families.json'), '[{'));
		expect(() => loadCatalogueContent(badJson)).toThrow(/families\.json: is not valid JSON/);
		rmSync(dir, { recursive: true, force: true });
		const badFamily = brokenCopy((d) => {
			const file = join(d, 'careers', 'data-analyst.json');
			writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), family: 'cuisine' }));
		});
		expect(() => loadCatalogueContent(badFamily)).toThrow(
			/data-analyst\.json: field "family": unknown family "cuisine"/
		);
	});
});
