/** JSON Schema of `data/documents/<id>.json` (src/schemas/open-data.ts). */
import type { APIRoute } from 'astro';
import { documentJsonSchema } from '../../../schemas/open-data.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(documentJsonSchema()), { headers: { 'Content-Type': 'application/schema+json' } });
