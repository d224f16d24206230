export type Dialect = 'sqlite' | 'postgres';

/** `postgres://…` or `postgresql://…` → PostgreSQL; anything else (a path, `file:…`, nothing) → SQLite. */
export function dialectOf(url: string | undefined): Dialect {
	return /^postgres(ql)?:\/\//.test(url?.trim() ?? '') ? 'postgres' : 'sqlite';
}
