/**
 * The source files the archive could not read, byte for byte as published, so a reader can open
 * what the archive could not (a scan, say): linked from /documents/unreadable/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getUnreadable, hubPaths } from '../../../site/archive.ts';

export const getStaticPaths = hubPaths(async () => (await getUnreadable()).map(({ path }) => ({ params: { path }, props: { path } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ path: string }> = ({ props }) =>
  new Response(readFileSync(join(process.cwd(), 'content', props.path)), { headers: { 'Content-Type': 'application/octet-stream' } });
