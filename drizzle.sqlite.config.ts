import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a migration for each engine after `src/lib/server/db/tables.ts` changes.
export default defineConfig({
	schema: './src/lib/server/db/schema.sqlite.ts',
	out: './drizzle/sqlite',
	dialect: 'sqlite',
	casing: 'snake_case'
});
