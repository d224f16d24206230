/** A unique index refused the row: SQLite's SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's SQLSTATE 23505. */
export function isUniqueViolation(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
	return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
