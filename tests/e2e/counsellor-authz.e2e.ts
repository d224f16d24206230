import { expect, test, type APIRequestContext } from '@playwright/test';
import {
	PASSWORD,
	createAccountWithCli,
	enrolSecondFactorByRequest,
	queryOne,
	queryRows,
	uniqueId
} from './helpers';

/**
 * The authorization matrix of the counsellor space and the back-office, against the built server: every page, action and
 * export × every kind of visitor → the status the server must answer. 303 is the way to the log-in page,
 * 403 « not your space », 404 « nothing here for you » (someone else's cohort or student looks absent).
 */
const ROLES = [
	'anonymous',
	'student',
	'otherStudent',
	'counsellor',
	'otherCounsellor',
	'editor',
	'admin'
] as const;
type Role = (typeof ROLES)[number];
type Expected = Record<Role, number>;

const ownerOnly: Expected = {
	anonymous: 303,
	student: 403,
	otherStudent: 403,
	counsellor: 200,
	otherCounsellor: 404,
	editor: 403,
	admin: 403
};

/** The accounts back-office: administrators only; a counsellor or an editor is as refused as a student. */
const adminOnly: Expected = {
	anonymous: 303,
	student: 403,
	otherStudent: 403,
	counsellor: 403,
	otherCounsellor: 403,
	editor: 403,
	admin: 200
};

/** The catalogue's back-office: editors, and administrators, who can do everything an editor can. */
const editorOnly: Expected = { ...adminOnly, editor: 200 };

test.describe.configure({ mode: 'serial' });

const clients = {} as Record<Role, APIRequestContext>;
const ids = {
	cohort: '',
	otherCohort: '',
	student: '',
	otherStudent: '',
	note: '',
	spareNote: '',
	otherSession: '',
	admin: '',
	/** An account the back-office acts on, so that the others' trails stay as the last test reads them. */
	spare: '',
	/** A catalogue version (the current one when the matrix starts). */
	version: 0
};
let counsellorName = '';

async function post(client: APIRequestContext, path: string, form: Record<string, string>) {
	return client.post(path, { form, maxRedirects: 0, headers: { origin: test.info().project.use.baseURL! } });
}

function expectRedirect(status: number, location: string | undefined, pattern: RegExp) {
	expect(status).toBe(303);
	expect(location).toMatch(pattern);
}

test.beforeAll(async ({ playwright }) => {
	const baseURL = test.info().project.use.baseURL!;
	const names = {} as Record<Role, string>;
	for (const role of ROLES) {
		// As a browser asks: SvelteKit answers form actions in JSON to anyone who does not accept HTML.
		clients[role] = await playwright.request.newContext({
			baseURL,
			extraHTTPHeaders: { accept: 'text/html' }
		});
		names[role] = uniqueId(role.toLowerCase());
	}
	createAccountWithCli('counsellor', names.counsellor);
	createAccountWithCli('counsellor', names.otherCounsellor);
	createAccountWithCli('editor', names.editor);
	createAccountWithCli('admin', names.admin);
	const spareName = uniqueId('spare');
	createAccountWithCli('student', spareName);
	for (const role of ['student', 'otherStudent'] as const) {
		const signUp = await post(clients[role], '/compte/inscription', {
			identifier: names[role],
			password: PASSWORD,
			birthYear: '2000'
		});
		expect(signUp.status()).toBe(303);
	}
	for (const role of ['counsellor', 'otherCounsellor', 'editor', 'admin'] as const) {
		const logIn = await post(clients[role], '/compte/connexion', {
			identifier: names[role],
			password: PASSWORD
		});
		expect(logIn.status()).toBe(303);
		// Staff give a second factor before anything else: set up here, as at a first log-in.
		expect(logIn.headers().location).toMatch(/^\/compte\/double-authentification/);
		await enrolSecondFactorByRequest(clients[role], names[role], logIn.headers().location!);
	}
	for (const [role, key] of [
		['counsellor', 'cohort'],
		['otherCounsellor', 'otherCohort']
	] as const) {
		const created = await post(clients[role], '/conseiller?/create', {
			name: `Cohorte ${role}`,
			groupLabel: ''
		});
		ids[key] = created.headers().location!.match(/cohortes\/([a-z2-7]+)/)![1]!;
	}

	const { join_code: code } = await queryOne<{ join_code: string }>(
		'select join_code from cohorts where id = ?',
		ids.cohort
	);
	const userId = async (identifier: string) =>
		(await queryOne<{ id: string }>('select id from users where identifier = ?', identifier)).id;
	ids.student = await userId(names.student);
	ids.otherStudent = await userId(names.otherStudent);
	ids.admin = await userId(names.admin);
	ids.version = Number(
		(await queryOne<{ number: number }>('select max(number) as number from catalogue_versions')).number
	);
	ids.spare = await userId(spareName);
	// A second device of the other student's, whose session the matrix ends.
	const secondDevice = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { accept: 'text/html' }
	});
	const before = await queryRows<{ id: string }>(
		'select id from sessions where user_id = ?',
		ids.otherStudent
	);
	await post(secondDevice, '/compte/connexion', { identifier: names.otherStudent, password: PASSWORD });
	await secondDevice.dispose();
	const after = await queryRows<{ id: string }>(
		'select id from sessions where user_id = ?',
		ids.otherStudent
	);
	ids.otherSession = after.find((row) => !before.some((old) => old.id === row.id))!.id;
	counsellorName = names.counsellor;

	const joined = await post(clients.student, '/compte/rejoindre', { code });
	expectRedirect(joined.status(), joined.headers().location, /\/compte\?rejoint=1$/);
	for (const key of ['note', 'spareNote'] as const) {
		expect(
			(await post(clients.counsellor, `/conseiller/eleves/${ids.student}?/addNote`, { body: key })).status()
		).toBe(200);
	}
	const rows = await queryRows<{ id: string; body: string }>(
		'select id, body from counsellor_notes where student_id = ?',
		ids.student
	);
	ids.note = rows.find((r) => r.body === 'note')!.id;
	ids.spareNote = rows.find((r) => r.body === 'spareNote')!.id;
});

test.afterAll(async () => {
	for (const client of Object.values(clients)) await client.dispose();
});

interface Case {
	name: string;
	request: (client: APIRequestContext) => ReturnType<APIRequestContext['get']>;
	expected: Expected;
}

const cases: Case[] = [
	{
		name: 'GET /conseiller',
		request: (c) => c.get('/conseiller', { maxRedirects: 0 }),
		expected: { ...ownerOnly, otherCounsellor: 200 }
	},
	{
		name: 'POST /conseiller?/create (bad input)',
		request: (c) => post(c, '/conseiller?/create', { name: '' }),
		expected: { ...ownerOnly, counsellor: 400, otherCounsellor: 400 }
	},
	{
		name: 'GET the cohort page',
		request: (c) => c.get(`/conseiller/cohortes/${ids.cohort}?tri=score&ordre=desc`, { maxRedirects: 0 }),
		expected: ownerOnly
	},
	{
		name: 'GET the cohort CSV',
		request: (c) => c.get(`/conseiller/cohortes/${ids.cohort}/export.csv`, { maxRedirects: 0 }),
		expected: ownerOnly
	},
	{
		name: 'GET a cohort that does not exist',
		request: (c) => c.get('/conseiller/cohortes/aaaaaaaaaaaaaaaaaaaaaaaa', { maxRedirects: 0 }),
		expected: { ...ownerOnly, counsellor: 404 }
	},
	...(['rename', 'rotate', 'archive', 'unarchive'] as const).map((action) => ({
		name: `POST the cohort ?/${action}`,
		request: (c: APIRequestContext) =>
			post(c, `/conseiller/cohortes/${ids.cohort}?/${action}`, { name: 'Cohorte renommée', groupLabel: '' }),
		expected: ownerOnly
	})),
	{
		name: 'GET the student page',
		request: (c) => c.get(`/conseiller/eleves/${ids.student}`, { maxRedirects: 0 }),
		expected: ownerOnly
	},
	{
		name: 'GET the student print view',
		request: (c) => c.get(`/conseiller/eleves/${ids.student}/imprimer`, { maxRedirects: 0 }),
		expected: ownerOnly
	},
	{
		name: 'GET the student comparison',
		request: (c) => c.get(`/conseiller/eleves/${ids.student}/comparer`, { maxRedirects: 0 }),
		expected: ownerOnly
	},
	{
		name: 'GET a student who joined no cohort of theirs',
		request: (c) => c.get(`/conseiller/eleves/${ids.otherStudent}`, { maxRedirects: 0 }),
		expected: { ...ownerOnly, counsellor: 404 }
	},
	{
		name: 'POST ?/addNote',
		request: (c) => post(c, `/conseiller/eleves/${ids.student}?/addNote`, { body: 'Une note' }),
		expected: ownerOnly
	},
	{
		name: 'POST ?/editNote',
		request: (c) =>
			post(c, `/conseiller/eleves/${ids.student}?/editNote`, { noteId: ids.note, body: 'Modifiée' }),
		expected: ownerOnly
	},
	{
		name: 'POST ?/deleteNote',
		request: (c) => post(c, `/conseiller/eleves/${ids.student}?/deleteNote`, { noteId: ids.spareNote }),
		expected: ownerOnly
	},
	{
		name: 'POST ?/addNote about a student who is not theirs',
		request: (c) => post(c, `/conseiller/eleves/${ids.otherStudent}?/addNote`, { body: 'Une note' }),
		expected: { ...ownerOnly, counsellor: 404 }
	},
	{
		name: 'POST ?/issueReset, a password reset code',
		request: (c) => post(c, `/conseiller/eleves/${ids.student}?/issueReset`, {}),
		expected: ownerOnly
	},
	{
		name: 'POST ?/issueReset for a student who is not theirs',
		request: (c) => post(c, `/conseiller/eleves/${ids.otherStudent}?/issueReset`, {}),
		expected: { ...ownerOnly, counsellor: 404 }
	},
	{
		name: 'POST /compte/mot-de-passe-oublie with a wrong code',
		request: (c) =>
			post(c, '/compte/mot-de-passe-oublie', {
				identifier: 'personne-de-connu',
				code: 'AAAAA-AAAAA',
				newPassword: 'une phrase bien longue'
			}),
		// Anyone signed out may try (five wrong codes per identifier); signed in, one changes it on /compte.
		expected: {
			anonymous: 400,
			student: 303,
			otherStudent: 303,
			counsellor: 303,
			otherCounsellor: 303,
			editor: 303,
			admin: 303
		}
	},
	{
		name: 'POST /compte/rejoindre with a code of no cohort',
		request: (c) => post(c, '/compte/rejoindre', { code: 'ZZZZ-ZZZZ' }),
		expected: {
			anonymous: 303,
			student: 404,
			otherStudent: 404,
			counsellor: 403,
			otherCounsellor: 403,
			editor: 403,
			admin: 403
		}
	},
	{
		name: 'GET /compte/double-authentification',
		request: (c) => c.get('/compte/double-authentification', { maxRedirects: 0 }),
		// Offered to students; staff, who gave it already, are sent on to their account.
		expected: {
			anonymous: 303,
			student: 200,
			otherStudent: 200,
			counsellor: 303,
			otherCounsellor: 303,
			editor: 303,
			admin: 303
		}
	},
	{
		name: "POST /compte?/endSession with another account's session",
		request: (c) => post(c, '/compte?/endSession', { sessionId: ids.otherSession }),
		expected: {
			anonymous: 303,
			student: 404,
			otherStudent: 200,
			counsellor: 404,
			otherCounsellor: 404,
			editor: 404,
			admin: 404
		}
	},
	{
		name: 'POST /compte?/secondFactorOff with a wrong code',
		request: (c) => post(c, '/compte?/secondFactorOff', { code: '000000' }),
		// Students without it: the code is wrong; staff may not turn it off at all.
		expected: {
			anonymous: 303,
			student: 400,
			otherStudent: 400,
			counsellor: 403,
			otherCounsellor: 403,
			editor: 403,
			admin: 403
		}
	},
	{
		name: 'GET /admin',
		request: (c) => c.get('/admin', { maxRedirects: 0 }),
		expected: { ...adminOnly, editor: 303, admin: 303 }
	},
	// The catalogue's back-office. Its actions are tried with input that changes nothing (refused, or
	// about nothing), so that the content tests running meanwhile see no draft of the matrix's.
	...[
		'/admin/contenu?type=formations&q=bts',
		'/admin/contenu/metiers/pentester',
		'/admin/contenu/questions/nouveau',
		'/admin/contenu/apercu/metiers/pentester',
		'/admin/contenu/apercu/formations/bts-sio-slam',
		'/admin/contenu/publier',
		'/admin/contenu/versions'
	].map((path) => ({
		name: `GET ${path}`,
		request: (c: APIRequestContext) => c.get(path, { maxRedirects: 0 }),
		expected: editorOnly
	})),
	{
		name: 'GET a catalogue version',
		request: (c) => c.get(`/admin/contenu/versions/${ids.version}`, { maxRedirects: 0 }),
		expected: editorOnly
	},
	{
		name: 'GET a kind of content that is none',
		request: (c) => c.get('/admin/contenu/planetes/mars', { maxRedirects: 0 }),
		expected: { ...editorOnly, editor: 404, admin: 404 }
	},
	{
		name: 'POST ?/save with a salary that is no number',
		request: (c) => post(c, '/admin/contenu/metiers/pentester?/save', { 'salary.junior': 'beaucoup' }),
		expected: { ...editorOnly, editor: 400, admin: 400 }
	},
	{
		name: 'POST ?/discard without a draft',
		request: (c) => post(c, '/admin/contenu/metiers/pentester?/discard', {}),
		expected: { ...editorOnly, editor: 404, admin: 404 }
	},
	{
		name: 'POST ?/retire a career that does not exist',
		request: (c) => post(c, '/admin/contenu/metiers/astronaute?/retire', {}),
		expected: { ...editorOnly, editor: 404, admin: 404 }
	},
	{
		name: 'POST /admin/contenu/publier over a version long gone',
		request: (c) => post(c, '/admin/contenu/publier', { basedOn: '1', note: '' }),
		expected: { ...editorOnly, editor: 409, admin: 409 }
	},
	{
		name: 'POST ?/rollback over a version long gone',
		request: (c) => post(c, `/admin/contenu/versions/${ids.version}?/rollback`, { basedOn: '1' }),
		expected: { ...editorOnly, editor: 409, admin: 409 }
	},
	{
		name: 'GET /admin/comptes, searched',
		request: (c) => c.get('/admin/comptes?q=spare&role=student&etat=active', { maxRedirects: 0 }),
		expected: adminOnly
	},
	{
		name: 'GET an account in the back-office',
		request: (c) => c.get(`/admin/comptes/${ids.spare}`, { maxRedirects: 0 }),
		expected: adminOnly
	},
	{
		name: 'GET an account that does not exist',
		request: (c) => c.get('/admin/comptes/aaaaaaaaaaaaaaaaaaaaaaaa', { maxRedirects: 0 }),
		expected: { ...adminOnly, admin: 404 }
	},
	...(
		[
			['role', { role: 'counsellor' }],
			['role', { role: 'student' }],
			['disable', {}],
			['enable', {}],
			['issueReset', {}]
		] as const
	).map(([action, form]) => ({
		name: `POST an account's ?/${action} ${JSON.stringify(form)}`,
		request: (c: APIRequestContext) => post(c, `/admin/comptes/${ids.spare}?/${action}`, form),
		expected: adminOnly
	})),
	{
		name: 'POST ?/role with a role that is none',
		request: (c) => post(c, `/admin/comptes/${ids.spare}?/role`, { role: 'root' }),
		expected: { ...adminOnly, admin: 400 }
	},
	{
		name: 'POST ?/disable on the administrator’s own account',
		request: (c) => post(c, `/admin/comptes/${ids.admin}?/disable`, {}),
		expected: { ...adminOnly, admin: 400 }
	},
	{
		name: 'POST ?/issueReset for an account that does not exist',
		request: (c) => post(c, '/admin/comptes/aaaaaaaaaaaaaaaaaaaaaaaa?/issueReset', {}),
		expected: { ...adminOnly, admin: 404 }
	},
	{
		name: 'POST /compte?/leave a cohort one is not in',
		request: (c) => post(c, '/compte?/leave', { cohortId: ids.otherCohort }),
		expected: {
			anonymous: 303,
			student: 404,
			otherStudent: 404,
			counsellor: 404,
			otherCounsellor: 404,
			editor: 404,
			admin: 404
		}
	}
];

for (const { name, request, expected } of cases) {
	test(`authorization: ${name}`, async () => {
		const answers = {} as Record<Role, number>;
		for (const role of ROLES) {
			const response = await request(clients[role]);
			answers[role] = response.status();
			if (response.status() === 303 && role === 'anonymous')
				expect(response.headers().location).toMatch(/^\/compte\/connexion\?redirectTo=/);
		}
		expect(answers).toEqual(expected);
	});
}

test('a counsellor who gave the password but not yet the code reaches none of the above', async ({
	playwright
}) => {
	const baseURL = test.info().project.use.baseURL!;
	const pending = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { accept: 'text/html' } });
	try {
		const logIn = await post(pending, '/compte/connexion', {
			identifier: counsellorName,
			password: PASSWORD
		});
		expect(logIn.headers().location).toMatch(/^\/compte\/double-authentification/);
		for (const { name, request } of cases.filter((c) => !c.name.includes('double-authentification'))) {
			const response = await request(pending);
			expect
				.soft(`${name} → ${response.status()} ${response.headers().location ?? ''}`)
				.toMatch(/→ 303 \/compte\/double-authentification\?redirectTo=/);
		}
	} finally {
		await pending.dispose();
	}
});

test('only the owner’s reads and reset codes are in the audit log, and a refused one writes nothing', async () => {
	const rows = await queryRows<{ actor: string; action: string }>(
		`select u.identifier as actor, a.action from audit_log a join users u on u.id = a.actor_id
		 where a.student_id = ? or a.cohort_id = ?`,
		ids.student,
		ids.cohort
	);
	expect(new Set(rows.map((r) => r.actor)).size).toBe(1);
	expect(new Set(rows.map((r) => r.action))).toEqual(
		new Set([
			'cohort_viewed',
			'cohort_exported',
			'student_viewed',
			'student_printed',
			'password_reset_issued'
		])
	);
});

test('the back-office’s changes are in the trail of the account they touched, by the administrator', async () => {
	const rows = await queryRows<{ actor: string; action: string }>(
		`select u.role as actor, a.action from audit_log a join users u on u.id = a.actor_id where a.student_id = ?`,
		ids.spare
	);
	expect(rows.map((r) => r.actor)).toEqual(rows.map(() => 'admin'));
	expect(rows.map((r) => r.action).sort()).toEqual(
		['account_disabled', 'account_enabled', 'password_reset_issued', 'role_changed', 'role_changed'].sort()
	);
	expect(
		(await queryRows('select 1 from audit_log where student_id = ?', ids.admin)).length,
		'a refused change writes nothing'
	).toBe(0);
});
