import { dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as french } from '@zxcvbn-ts/language-fr';

/** French favourites the lists above miss. */
const EXTRA = [
	'motdepasse',
	'azertyuiop',
	'azerty',
	'boussole',
	'bonjour',
	'soleil',
	'marseille',
	'loulou',
	'doudou'
];

function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase();
}

let list: Set<string> | undefined;

/**
 * ~90,000 entries, built on first use: the most common leaked passwords (zxcvbn-ts « passwords-common »,
 * mostly English), French common words and French first and last names.
 */
export function commonPasswords(): ReadonlySet<string> {
	list ??= new Set(
		[
			...common['passwords-common'],
			...french['commonWords-fr'],
			...french['firstnames-fr'],
			...french['lastnames-fr'],
			...EXTRA
		].map(fold)
	);
	return list;
}

/**
 * True when the password is on the list, or is a listed word dressed up with digits or symbols around it
 * (« soleil2024 », « !thomas1 »): the first guesses of any attacker.
 */
export function isCommonPassword(password: string): boolean {
	const folded = fold(password);
	const words = commonPasswords();
	if (words.has(folded)) return true;
	const core = folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
	return core.length >= 3 && core !== folded && words.has(core);
}
