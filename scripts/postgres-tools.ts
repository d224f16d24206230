import { existsSync } from 'node:fs';
// @ts-expect-error -- a plain JavaScript module of the scripts folder, without types.
import { findPostgresBin } from './postgres-cluster.js';

/** A PostgreSQL client tool (pg_dump, pg_restore…): from Debian's server binaries when present, else the PATH. */
export function postgresTool(name: string): string {
	const bin = findPostgresBin() as string | null;
	return bin && existsSync(`${bin}/${name}`) ? `${bin}/${name}` : name;
}
