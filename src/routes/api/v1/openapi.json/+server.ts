import { openApiDocument } from '$lib/server/api/openapi';
import { apiJson } from '$lib/server/api/responses';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => apiJson(openApiDocument(url.origin), { cache: true });
