import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a migration for each engine after `src/lib/server/db/tables.ts` changes.
export default defineConfig({
	schema: './src/lib/server/db/schema.postgres.ts',
	out: './drizzle/postgres',
	dialect: 'postgresql',
	casing: 'snake_case'
});
