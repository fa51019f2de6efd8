/** JSON Schema of `data/index.json` (src/schemas/open-data.ts). */
import type { APIRoute } from 'astro';
import { indexJsonSchema } from '../../../schemas/open-data.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(indexJsonSchema()), { headers: { 'Content-Type': 'application/schema+json' } });
