/**
 * CSV for spreadsheets opened by French users: `;` separators (Excel in French reads `,` as the decimal
 * mark), CRLF lines and a byte-order mark so accents survive. Every cell that a spreadsheet would read as a
 * formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe: a pseudonym such as
 * `=HYPERLINK(…)` stays text (OWASP « CSV injection »).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
