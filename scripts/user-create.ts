// Creates a user of any role, for bootstrapping: `npm run user:create -- --role admin --identifier a@b.fr`.
// The password is read from standard input when it is piped, or asked for (without echo) otherwise.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { checkIdentifier } from '../src/lib/server/auth/identifier';
import { checkPassword, hashPassword } from '../src/lib/server/auth/password';
import { connect } from '../src/lib/server/db/client';
import { createUser } from '../src/lib/server/db/repositories/users';
import { USER_ROLES, type UserRole } from '../src/lib/server/db/schema';
import { generateId } from '../src/lib/server/ids';

function fail(message: string): never {
	console.error(`user:create: ${message}`);
	process.exit(1);
}

async function readPassword(): Promise<string> {
	if (!process.stdin.isTTY) {
		let input = '';
		for await (const chunk of process.stdin) input += chunk;
		return input.replace(/\r?\n$/, '');
	}
	const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
	const output = rl as unknown as { _writeToOutput: (text: string) => void };
	process.stdout.write('Mot de passe : ');
	output._writeToOutput = () => {};
	const password = await new Promise<string>((resolve) => rl.question('', resolve));
	rl.close();
	process.stdout.write('\n');
	return password;
}

const { values } = parseArgs({
	options: {
		role: { type: 'string', default: 'student' },
		identifier: { type: 'string' },
		'birth-year': { type: 'string', default: '1990' }
	}
});

if (!USER_ROLES.includes(values.role as UserRole)) fail(`--role must be one of ${USER_ROLES.join(', ')}`);
const identifier = checkIdentifier(values.identifier);
if (!identifier.ok)
	fail(`--identifier is ${identifier.reason} (an email address or a 3–32 character pseudonym)`);
const birthYear = Number(values['birth-year']);
if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > new Date().getFullYear() - 10) {
	fail('--birth-year must be a year, at least 10 years ago');
}

const password = await readPassword();
const check = checkPassword(password, identifier.identifier);
if (!check.ok) fail(`password refused: ${check.reason}`);

const connection = connect(process.env.DATABASE_URL);
await connection.exclusively(() => connection.migrate());
const created = await createUser(connection.db, {
	id: generateId(),
	identifier: identifier.identifier,
	role: values.role as UserRole,
	birthYear,
	passwordHash: await hashPassword(password)
});
await connection.close();
if (!created) fail(`an account "${identifier.identifier}" already exists`);
console.info(`user:create: ${values.role} "${identifier.identifier}" created`);
