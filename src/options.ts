/**
 * The build's options, from the environment, read and validated once (in astro.config.mjs and the
 * scripts) and handed to the loader, the outputs worker and the index: a wrong value stops the build
 * naming the variable and what it takes, instead of being read differently in seven places.
 */
import { resolve } from 'node:path';
import { z } from 'astro/zod';

const flag = (on: string, off: string) => z.enum([on, off, '']).transform((value) => value === on);
const whole = (min: number) =>
  z
    .string()
    .regex(/^\d+$/, `expected a whole number of at least ${min}`)
    .transform(Number)
    .refine((value) => value >= min, `expected a whole number of at least ${min}`);

/** Each variable a build reads, what it takes and what it sets. */
export const buildEnvSchema = z.object({
  BASE_PATH: z.string().optional().describe('Sub-path the site is hosted under (`/minutes/`); default the domain root.'),
  SITE_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
    .optional()
    .describe('The public URL of the site, for absolute links in citations, feeds and the sitemap.'),
  STRICT: flag('1', '0').optional().describe('`1`: stop the build on any problem in content/, listing them all.'),
  ARCHIVE_STRICT: flag('1', '0').optional().describe('The same as STRICT.'),
  ARCHIVE_THREADS: whole(1).optional().describe('Worker threads that parse documents; default every core.'),
  OG_CARDS: flag('1', '0').optional().describe('`0`: draw no share cards.'),
  SEARCH_INDEX: z.enum(['build', 'skip', '']).optional().describe('`skip`: build no search index (`npm run search-index` builds it later).'),
  SEARCH_CACHE: flag('1', '0').optional().describe('`0`: build every search shard afresh instead of reusing unchanged ones.'),
  SEARCH_SHARD_SIZE: whole(1).optional().describe('Documents per search-index shard; default 2,000.'),
  SEARCH_JOBS: whole(1).optional().describe('Search shards built at once; default one per core.'),
  ARCHIVE_PLAN: z.string().min(1).optional().describe('Folder of a plan (`npm run plan`): build one part of the site from it instead of from content/.'),
  ARCHIVE_PART: z
    .string()
    .regex(/^(?:hub|\d+)$/, 'expected `hub` or a part number (0, 1, …)')
    .optional()
    .describe('With ARCHIVE_PLAN: `hub` builds the pages that span documents, a number the documents of that part.'),
});

export interface BuildOptions {
  /** `/` or `/sub/path/`. */
  base: string;
  site?: string;
  strict: boolean;
  /** Parse threads; undefined: every core. */
  threads?: number;
  cards: boolean;
  index: boolean;
  searchCache: boolean;
  shardSize: number;
  /** Shard builds at once; undefined: one per core. */
  shardJobs?: number;
  /** One part of a build spread over several machines (README: "Building on several machines"). */
  plan?: PlanPart;
}

/** Which part of a planned build this one is: the pages spanning documents (`hub`), or the documents of part N. */
export interface PlanPart {
  /** The plan's folder, absolute. */
  dir: string;
  part: 'hub' | number;
}

/** Documents per shard unless `SEARCH_SHARD_SIZE` says otherwise: Pagefind took 4.8 GB for a shard of 4,000 generated documents, so 2,000 stays within the 3 GB target. */
export const DEFAULT_SHARD_SIZE = 2000;

export class BuildOptionsError extends Error {
  override name = 'BuildOptionsError';
}

function planPart(dir: string | undefined, part: string | undefined): { plan?: PlanPart } {
  if (!dir && !part) return {};
  if (!dir || !part)
    throw new BuildOptionsError(
      'build options in the environment are wrong:\nARCHIVE_PLAN and ARCHIVE_PART go together: the plan folder and the part of it to build',
    );
  return { plan: { dir: resolve(dir), part: part === 'hub' ? 'hub' : Number(part) } };
}

/** The options of this build, from `env`; throws a BuildOptionsError naming each wrong variable. */
export function readBuildOptions(env: NodeJS.ProcessEnv = process.env): BuildOptions {
  const known = Object.fromEntries(
    Object.keys(buildEnvSchema.shape)
      .filter((name) => env[name] !== undefined)
      .map((name) => [name, env[name]]),
  );
  const parsed = buildEnvSchema.safeParse(known);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])}=${env[String(issue.path[0])]}: ${issue.message}`);
    throw new BuildOptionsError(`build options in the environment are wrong:\n${problems.join('\n')}`);
  }
  const options = parsed.data;
  return {
    base: `/${(options.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'),
    ...(options.SITE_URL ? { site: options.SITE_URL } : {}),
    strict: Boolean(options.STRICT || options.ARCHIVE_STRICT),
    ...(options.ARCHIVE_THREADS ? { threads: options.ARCHIVE_THREADS } : {}),
    cards: options.OG_CARDS !== false,
    index: options.SEARCH_INDEX !== 'skip',
    searchCache: options.SEARCH_CACHE !== false,
    shardSize: options.SEARCH_SHARD_SIZE ?? DEFAULT_SHARD_SIZE,
    ...(options.SEARCH_JOBS ? { shardJobs: options.SEARCH_JOBS } : {}),
    ...planPart(options.ARCHIVE_PLAN, options.ARCHIVE_PART),
  };
}
