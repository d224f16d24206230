// `npm run proof:fuzz`: at least 10,000 generated bad inputs (fast-check) sent to every form action and API
// endpoint the way a browser sends them — a valid Origin, the session of the right person where the action
// needs one, so that the input reaches the code: wrong types and shapes, empty and huge values, unknown
// fields, __proto__, broken UTF-8, oversized bodies, PUT / PATCH / DELETE, wrong content types. Every answer
// must be a 4xx with a message (never a 5xx), the server must stay up, and no table may change but the
// throttles and the audit log (row counts and a checksum of every row, before and after). `--short`: a few
// hundred inputs (npm test runs it). `--postgres`: on a private PostgreSQL cluster.
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import fc from 'fast-check';
import type { IncomingHttpHeaders } from 'node:http';
import { getTableName, type Table } from 'drizzle-orm';
import { hashPassword } from '../../src/lib/server/auth/password';
import { generateId } from '../../src/lib/server/ids';
import {
	hashToken,
	httpRequest,
	proofDatabase,
	schemaOf,
	short,
	startServer,
	type PlainResponse
} from './harness';

const RUNS_PER_TARGET = short ? 8 : 420;
const PASSWORD = 'une phrase bien longue pour le fuzz';
/** adapter-node's default BODY_SIZE_LIMIT (512 KiB), which docs/deploy.md keeps. */
const BODY_SIZE_LIMIT = 512 * 1024;
/** Node's default --max-http-header-size: a longer request line is answered 431. */
const HEADER_SIZE_LIMIT = 16 * 1024;

const database = await proofDatabase();
const { createUser } = await import('../../src/lib/server/db/repositories/users');
const server = await startServer(database.url);
const base = server.base;

let requestCount = 1;

/**
 * Posts as a browser without JavaScript; returns the status and the body. One connection per request: over the
 * body size limit the server answers 413 at once and closes the connection while the client is still sending,
 * and a pooled connection closed that way would fail the next request, which a browser retries on a fresh one.
 */
async function send(
	path: string,
	init: {
		method?: string;
		body?: string | Buffer | URLSearchParams;
		type?: string;
		cookie?: string;
		accept?: string;
	}
): Promise<PlainResponse> {
	const body =
		init.body === undefined
			? undefined
			: Buffer.isBuffer(init.body)
				? init.body
				: Buffer.from(String(init.body));
	try {
		return await httpRequest(`${base}${path}`, {
			method: init.method ?? 'POST',
			body,
			agent: false,
			headers: {
				origin: base,
				accept: init.accept ?? 'text/html',
				...(init.type ? { 'content-type': init.type } : {}),
				...(init.cookie ? { cookie: init.cookie } : {}),
				// A new address per request, as from a whole region's schools: the per-address limits would
				// otherwise answer 429 before the input reaches the code (the per-account ones still do).
				'x-forwarded-for': `10.${200 + ((requestCount >> 16) & 31)}.${(requestCount >> 8) & 255}.${requestCount++ & 255}`
			}
		});
	} catch (error) {
		// The 413 and 431 may arrive after the server has closed the connection under the client's feet.
		if (body && body.length > BODY_SIZE_LIMIT)
			return { status: 413, body: 'connection closed after 413', headers: {} };
		if (path.length > HEADER_SIZE_LIMIT)
			return { status: 431, body: 'connection closed after 431', headers: {} };
		throw new Error(
			`${init.method ?? 'POST'} ${path.slice(0, 200)} (${init.type}, ${body?.length ?? 0} bytes): ${(error as Error).message}`
		);
	}
}

const cookieFrom = (headers: IncomingHttpHeaders, name: string) =>
	(headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`))?.split(';')[0];

// The people whose sessions carry the inputs to the code: a student, and a counsellor with the second factor.
async function signUpStudent(identifier: string) {
	const response = await send('/compte/inscription', {
		body: new URLSearchParams({ identifier, password: PASSWORD, birthYear: '1995' }),
		type: 'application/x-www-form-urlencoded'
	});
	if (response.status !== 303) throw new Error(`sign-up refused (${response.status})`);
	return cookieFrom(response.headers, 'boussole_session')!;
}

async function signInStaff(identifier: string, role: 'counsellor' | 'editor') {
	const id = generateId();
	await createUser(database.connection.db, {
		id,
		identifier,
		role,
		birthYear: 1980,
		passwordHash: await hashPassword(PASSWORD)
	});
	const login = await send('/compte/connexion', {
		body: new URLSearchParams({ identifier, password: PASSWORD }),
		type: 'application/x-www-form-urlencoded'
	});
	const cookie = cookieFrom(login.headers, 'boussole_session')!;
	const page = await send('/compte/double-authentification', { method: 'GET', cookie });
	const key = page.body.match(/data-testid="totp-key"[^>]*>([A-Z2-7]+)</)![1]!;
	const code = generateHOTP(decodeBase32IgnorePadding(key), BigInt(Math.floor(Date.now() / 30_000)), 6);
	const enrolled = await send('/compte/double-authentification?/enrol', {
		body: new URLSearchParams({ code }),
		type: 'application/x-www-form-urlencoded',
		cookie
	});
	if (!enrolled.body.includes('Vos codes de secours')) throw new Error('second factor not set up');
	return cookie;
}

const student = await signUpStudent('eleve.fuzz');
const counsellor = await signInStaff('conseil.fuzz', 'counsellor');
const editor = await signInStaff('redaction.fuzz', 'editor');
// A second log-in of the counsellor's, password given and code still due: the codes fuzzed go to that one.
const pendingCounsellor = cookieFrom(
	(
		await send('/compte/connexion', {
			body: new URLSearchParams({ identifier: 'conseil.fuzz', password: PASSWORD }),
			type: 'application/x-www-form-urlencoded'
		})
	).headers,
	'boussole_session'
)!;
const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const created = await send('/conseiller?/create', {
	body: form({ name: 'Cohorte fuzz', groupLabel: '' }),
	type: 'application/x-www-form-urlencoded',
	cookie: counsellor
});
const cohortId = created.headers.location!.match(/cohortes\/([a-z2-7]+)/)![1]!;
const joinCode = (await database.connection.db.select().from(schemaOf(database.url).cohorts))[0]!.joinCode;
await send('/compte/rejoindre', {
	body: form({ code: joinCode }),
	type: 'application/x-www-form-urlencoded',
	cookie: student
});
const studentId = (await database.connection.db.select().from(schemaOf(database.url).users)).find(
	(u) => u.identifier === 'eleve.fuzz'
)!.id;
await send(`/conseiller/eleves/${studentId}?/addNote`, {
	body: form({ body: 'Note de départ', shared: '' }),
	type: 'application/x-www-form-urlencoded',
	cookie: counsellor
});
// A result of the student's, for the actions on a result page: the whole bank, in its fixed pages.
const questions: { id: string }[] = await (await fetch(`${base}/api/v1/questions`)).json();
await send('/quiz?/full', { body: form({}), type: 'application/x-www-form-urlencoded', cookie: student });
const pages = Math.ceil(questions.length / 4);
let resultPath = '';
for (let page = 1; page <= pages; page += 1) {
	const fields: Record<string, string> = { page: String(page), nav: page === pages ? 'finish' : 'next' };
	for (const q of questions.slice((page - 1) * 4, page * 4)) fields[`answer-${q.id}`] = '4';
	const saved = await send('/quiz?/save', {
		body: form(fields),
		type: 'application/x-www-form-urlencoded',
		cookie: student
	});
	resultPath = saved.headers.location ?? resultPath;
}

// ── The generators of bad values ──────────────────────────────────────────────────────────────────────────
const huge = fc.integer({ min: 20_000, max: 200_000 }).map((n) => 'é'.repeat(n));
const nasty = fc.constantFrom(
	'',
	' ',
	'\u0000',
	'__proto__',
	'constructor',
	'{"__proto__":{"admin":true}}',
	'<script>alert(1)</script>',
	"' or 1=1 --",
	'../../etc/passwd',
	'\uD800',
	'9'.repeat(400),
	'-1',
	'NaN',
	'[object Object]'
);
const junk = fc.oneof(
	fc.string({ maxLength: 300 }),
	fc.string({ maxLength: 100, unit: 'binary' }),
	nasty,
	huge
);
/** For query strings: a URL cannot carry the huge values, only one just over what the server reads. */
const queryJunk = fc.oneof(
	fc.string({ maxLength: 300 }),
	fc.string({ maxLength: 100, unit: 'binary' }),
	nasty,
	fc.constant('é'.repeat(3000))
);
const unknownFields = fc.dictionary(
	fc.oneof(
		fc.constantFrom('__proto__', 'constructor', 'prototype', 'role', 'isAdmin'),
		fc.string({ maxLength: 20 })
	),
	junk,
	{ maxKeys: 4 }
);

type Target = {
	name: string;
	path: string;
	cookie?: string;
	/** Fields the action reads, each with values that must be refused. */
	fields: Record<string, fc.Arbitrary<string>>;
};

const notACareer = fc.string({ maxLength: 40 }).filter((s) => !/^[a-z-]+$/.test(s) || s.length < 3);
const targets: Target[] = [
	{ name: 'log-in', path: '/compte/connexion', fields: { identifier: junk, password: junk } },
	{
		name: 'sign-up',
		path: '/compte/inscription',
		// The birth year is always wrong, so that no account is created whatever the rest.
		fields: {
			identifier: junk,
			password: junk,
			birthYear: fc.oneof(
				nasty,
				fc.string({ maxLength: 8 }).filter((s) => !/^\s*\d{4}\s*$/.test(s))
			),
			parentName: junk,
			parentConsent: junk
		}
	},
	{
		name: 'quiz page',
		path: '/quiz?/save',
		// Page 1, where the answer fuzzed is asked, or a page number that is none (another real page would
		// rightly ignore a field it does not ask, and an empty answer is a question left for later).
		fields: {
			page: fc.oneof(
				fc.constant('1'),
				junk.filter((s) => !/^\s*\d{1,2}\s*$/.test(s)),
				fc.constantFrom('0', '99999', '1.5', '-3')
			),
			nav: fc.oneof(junk, fc.constantFrom('next', 'finish')),
			[`answer-${questions[0]!.id}`]: fc.oneof(
				fc.constantFrom('0', '6', '3.5', '-1', '10', '٣'),
				nasty.filter((s) => s.trim() !== ''),
				huge
			)
		}
	},
	{
		name: 'language',
		path: '/langue',
		fields: { locale: junk.filter((s) => s !== 'fr' && s !== 'en'), redirectTo: junk }
	},
	{
		name: 'password change',
		path: '/compte/mot-de-passe',
		cookie: student,
		fields: { currentPassword: junk, newPassword: junk }
	},
	{ name: 'account deletion', path: '/compte/supprimer', cookie: student, fields: { password: junk } },
	{
		name: 'join a cohort',
		path: '/compte/rejoindre',
		cookie: student,
		fields: { code: junk.filter((s) => s.replace(/[\s-]/g, '').toUpperCase() !== joinCode) }
	},
	{
		name: 'leave a cohort',
		path: '/compte?/leave',
		cookie: student,
		fields: { cohortId: junk.filter((s) => s !== cohortId) }
	},
	{ name: 'end a session', path: '/compte?/endSession', cookie: student, fields: { sessionId: junk } },
	{ name: 'second factor off', path: '/compte?/secondFactorOff', cookie: student, fields: { code: junk } },
	{
		name: 'second factor code',
		path: '/compte/double-authentification?/verify',
		cookie: pendingCounsellor,
		fields: { code: junk }
	},
	{ name: 'set-aside career', path: `${resultPath}?/dismiss`, cookie: student, fields: { slug: notACareer } },
	{ name: 'career back', path: `${resultPath}?/undismiss`, cookie: student, fields: { slug: notACareer } },
	{
		name: 'new cohort',
		path: '/conseiller?/create',
		cookie: counsellor,
		fields: { name: fc.oneof(fc.constant(''), fc.constant('   '), huge), groupLabel: junk }
	},
	{
		name: 'rename cohort',
		path: `/conseiller/cohortes/${cohortId}?/rename`,
		cookie: counsellor,
		fields: { name: fc.oneof(fc.constant(''), huge), groupLabel: junk }
	},
	{
		name: 'new note',
		path: `/conseiller/eleves/${studentId}?/addNote`,
		cookie: counsellor,
		fields: { body: fc.oneof(fc.constant(''), fc.constant(' \n '), huge), shared: junk }
	},
	{
		name: 'edit note',
		path: `/conseiller/eleves/${studentId}?/editNote`,
		cookie: counsellor,
		fields: { noteId: junk, body: fc.oneof(fc.constant(''), huge), shared: junk }
	},
	{
		name: 'delete note',
		path: `/conseiller/eleves/${studentId}?/deleteNote`,
		cookie: counsellor,
		fields: { noteId: junk }
	},
	{
		// A letter first: never a number, so that no draft is ever valid.
		name: 'catalogue draft',
		path: '/admin/contenu/metiers/pentester?/save',
		cookie: editor,
		fields: {
			'salary.junior': junk.map((value) => `x${value}`),
			'vector.skills.math': junk,
			workWith: junk,
			reason: junk,
			stamp: junk
		}
	},
	{ name: 'drop a draft', path: '/admin/contenu/metiers/pentester?/discard', cookie: editor, fields: {} },
	{
		name: 'publish',
		path: '/admin/contenu/publier',
		cookie: editor,
		fields: { basedOn: junk, stamp: junk, note: junk }
	},
	{
		name: 'roll back',
		path: '/admin/contenu/versions/99999?/rollback',
		cookie: editor,
		fields: { basedOn: junk }
	},
	{
		name: 'note about a stranger',
		path: `/conseiller/eleves/${'x'.repeat(24)}?/addNote`,
		cookie: counsellor,
		fields: { body: junk }
	}
];

/** A request's body, in one of the shapes a broken or hostile client sends. */
const bodyShapes = (fields: Record<string, string>, extra: Record<string, string>) =>
	fc
		.constantFrom(
			'form',
			'form-extra',
			'form-twice',
			'json',
			'text',
			'multipart-broken',
			'bad-utf8',
			'oversized',
			'wrong-method'
		)
		.map((shape): { method?: string; body?: string | Buffer | URLSearchParams; type?: string } => {
			const plain = new URLSearchParams(fields);
			switch (shape) {
				case 'form':
					return { body: plain, type: 'application/x-www-form-urlencoded' };
				case 'form-extra':
					return {
						body: new URLSearchParams({ ...extra, ...fields }),
						type: 'application/x-www-form-urlencoded'
					};
				case 'form-twice': {
					const twice = new URLSearchParams(plain);
					for (const [name, value] of Object.entries(fields)) twice.append(name, value + value);
					return { body: twice, type: 'application/x-www-form-urlencoded' };
				}
				case 'json':
					return {
						body: JSON.stringify({ ...fields, __proto__: { admin: true } }),
						type: 'application/json'
					};
				case 'text':
					return { body: plain.toString(), type: 'text/plain' };
				case 'multipart-broken':
					return {
						body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
						type: 'multipart/form-data; boundary=y'
					};
				case 'bad-utf8':
					return {
						body: Buffer.concat([
							Buffer.from(`${Object.keys(fields)[0] ?? 'a'}=`),
							Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82])
						]),
						type: 'application/x-www-form-urlencoded'
					};
				case 'oversized':
					return { body: `a=${'x'.repeat(600 * 1024)}`, type: 'application/x-www-form-urlencoded' };
				default:
					return {
						method: fc.sample(fc.constantFrom('PUT', 'PATCH', 'DELETE'), 1)[0],
						body: plain,
						type: 'application/x-www-form-urlencoded'
					};
			}
		});

// ── The API ──────────────────────────────────────────────────────────────────────────────────────────────
const jsonJunk = fc.oneof(
	fc.jsonValue({ maxDepth: 3 }),
	fc.record({
		answers: fc.dictionary(
			fc.string({ maxLength: 30 }),
			fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.double())
		)
	}),
	fc.record({
		profile: fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.double(), fc.string(), fc.object()))
	}),
	fc.constant({ __proto__: { polluted: true }, answers: {} })
);

// ── Before: every table but the throttles and the audit log, counted and checksummed ────────────────────
const schema = schemaOf(database.url);
const watched = Object.values(schema).filter(
	(table) => !['throttles', 'audit_log'].includes(getTableName(table as Table))
) as Table[];
async function snapshot(): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	for (const table of watched) {
		const rows = await database.connection.db.select().from(table as never);
		const lines = rows.map((row) => JSON.stringify(row)).sort();
		out[getTableName(table)] = `${rows.length}:${hashToken(lines.join('\n'))}`;
	}
	return out;
}

const before = await snapshot();
const statuses = new Map<number, number>();
let inputs = 0;
const failures: string[] = [];

function judge(what: string, status: number, body: string, json: boolean) {
	inputs += 1;
	statuses.set(status, (statuses.get(status) ?? 0) + 1);
	if (status >= 500) failures.push(`${what} → ${status}`);
	else if (status < 400) failures.push(`${what} → ${status} (accepted a bad input)`);
	else if (json && !/"message"\s*:\s*"[^"]+"/.test(body))
		failures.push(`${what} → ${status} without a message`);
	else if (!json && body.length === 0 && ![405, 413, 431].includes(status))
		failures.push(`${what} → ${status}, empty`);
}

try {
	for (const target of targets) {
		await fc.assert(
			fc.asyncProperty(fc.record(target.fields), unknownFields, fc.context(), async (fields, extra, ctx) => {
				const [shape] = fc.sample(bodyShapes(fields, extra), 1);
				const response = await send(target.path, { ...shape!, cookie: target.cookie });
				ctx.log(`${target.name}: ${response.status}`);
				const detail = `${target.name} ${shape!.method ?? 'POST'} ${shape!.type} ${JSON.stringify(fields)
					.replace(/(.)\1{20,}/g, '$1…')
					.slice(0, 160)}`;
				judge(
					`${detail}${response.headers.location ? ` → ${response.headers.location}` : ''}`,
					response.status,
					response.body,
					false
				);
				return true;
			}),
			{ numRuns: RUNS_PER_TARGET }
		);
	}
	await fc.assert(
		fc.asyncProperty(jsonJunk, fc.constantFrom('json', 'text', 'huge', 'bad-utf8'), async (value, shape) => {
			const body =
				shape === 'huge'
					? JSON.stringify({ answers: { a: 'x'.repeat(40_000) } })
					: shape === 'bad-utf8'
						? Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])
						: JSON.stringify(value);
			const response = await send('/api/v1/match', {
				body,
				type: shape === 'text' ? 'text/plain' : 'application/json',
				accept: 'application/json'
			});
			judge(`POST /api/v1/match (${shape})`, response.status, response.body, true);
			return true;
		}),
		{ numRuns: RUNS_PER_TARGET * 3 }
	);
	await fc.assert(
		fc.asyncProperty(
			fc.constantFrom('/api/v1/trainings', '/api/v1/careers/', '/api/v1/trainings/', '/api/v1/match'),
			fc.dictionary(
				fc.constantFrom('type', 'format', 'financement', 'metier', 'duree', 'niveau', 'q', '__proto__'),
				queryJunk,
				{ minKeys: 1, maxKeys: 3 }
			),
			fc.string({ minLength: 1, maxLength: 60 }),
			fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE'),
			async (path, query, slug, method) => {
				const url = path.endsWith('/')
					? `${path}${encodeURIComponent(`zz-${slug}`)}`
					: `${path}?${new URLSearchParams({ ...query, type: `zz${query.type ?? ''}` })}`;
				const verb = path === '/api/v1/match' ? (method === 'GET' ? 'PUT' : method) : method;
				const response = await send(url, { method: verb, accept: 'application/json' });
				judge(`${verb} ${path}`, response.status, response.body, verb === 'GET' && response.status !== 431);
				return true;
			}
		),
		{ numRuns: RUNS_PER_TARGET * 3 }
	);
	// Actions and exports whose input is the id in the path: someone else's, or no one's.
	// (Not `.` or `..`: a browser resolves those before sending, and the server redirects them to the clean path.)
	const idJunk = fc
		.oneof(
			fc.string({ minLength: 1, maxLength: 60 }),
			fc.constantFrom('__proto__', '%00', 'x'.repeat(24), studentId)
		)
		.filter((id) => id !== '.' && id !== '..');
	await fc.assert(
		fc.asyncProperty(
			fc.constantFrom(
				'/conseiller/cohortes/ID?/rotate',
				'/conseiller/cohortes/ID?/archive',
				'/conseiller/cohortes/ID?/unarchive',
				'/conseiller/cohortes/ID/export.csv',
				'/conseiller/eleves/ID?/deleteNote',
				'/resultats/ID?/dismiss',
				'/compte/double-authentification?/enrol'
			),
			idJunk,
			junk,
			async (template, id, code) => {
				const path = template.replace('ID', encodeURIComponent(id));
				const method = path.endsWith('.csv') ? 'GET' : 'POST';
				const response = await send(path, {
					method,
					body:
						method === 'POST'
							? new URLSearchParams({ code, noteId: code, slug: 'developpeur-back-end' })
							: undefined,
					type: method === 'POST' ? 'application/x-www-form-urlencoded' : undefined,
					cookie: path.startsWith('/resultats') ? student : counsellor
				});
				judge(
					`${method} ${template} (${JSON.stringify(id).slice(0, 40)})`,
					response.status,
					response.body,
					false
				);
				return true;
			}
		),
		{ numRuns: RUNS_PER_TARGET }
	);
	const alive = await fetch(`${base}/metiers`);
	if (alive.status !== 200 || server.process.exitCode !== null)
		failures.push('the server is not serving any more');
	const after = await snapshot();
	for (const [table, fingerprint] of Object.entries(before))
		if (after[table] !== fingerprint)
			failures.push(`table ${table} changed (${fingerprint} → ${after[table]})`);

	console.info(
		`proof:fuzz (${database.connection.dialect}): ${inputs} bad inputs over ${targets.length + 7} form actions and exports, and the API`
	);
	console.info(
		`  answers: ${[...statuses]
			.sort((a, b) => a[0] - b[0])
			.map(([status, n]) => `${status} ×${n}`)
			.join(', ')}`
	);
	console.info(`  tables watched: ${watched.length}; server up: ${alive.status === 200}`);
	if (failures.length > 0)
		throw new Error(`${failures.length} problem(s):\n  ${[...new Set(failures)].slice(0, 20).join('\n  ')}`);
	if (!short && inputs < 10_000) throw new Error(`only ${inputs} inputs`);
	console.info('proof:fuzz: every bad input refused with a 4xx, nothing written ✔');
} catch (error) {
	const cause = (error as Error).cause as Error | undefined;
	const shorten = (text: string) => text.replace(/(.)\1{40,}/g, '$1…');
	console.error(
		`proof:fuzz: ✘ ${shorten((error as Error).message)}${cause ? `\n  cause: ${shorten(String(cause.stack ?? cause))}` : ''}`
	);
	console.error(`server log (end):\n${shorten(server.log().slice(-3000))}`);
	process.exitCode = 1;
} finally {
	server.process.kill();
	await database.remove();
}
process.exit(process.exitCode ?? 0);
