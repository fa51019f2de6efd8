/**
 * `npm run shard -- --part N|hub [--plan plan] [--out dist]`: one machine's share of a planned build
 * (README: "Building on several machines"). `--part N` builds the pages, data, search and source
 * files, share cards and search shards of part N's documents; `--part hub` the pages that span
 * documents (home, listings, agencies, topics, cases, series, people, years, feeds, open data, the
 * sitemap). Both run `astro build` with ARCHIVE_PLAN and ARCHIVE_PART set, so the build's other
 * options (BASE_PATH, SITE_URL, OG_CARDS…) apply; they must be the same in every job.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readPlan } from '../src/plan/plan.ts';

const { values } = parseArgs({ options: { part: { type: 'string' }, plan: { type: 'string', default: 'plan' }, out: { type: 'string', default: 'dist' } } });
const plan = resolve(values.plan!);
const { parts } = readPlan(plan);
if (values.part !== 'hub' && !parts.some((part) => String(part.index) === values.part)) {
  console.error(`usage: npm run shard -- --part N|hub [--plan plan] [--out dist]   (the plan in ${plan} has parts 0 to ${parts.length - 1}, and the hub)`);
  process.exit(2);
}
const astro = resolve('node_modules/astro/bin/astro.mjs');
const build = spawnSync(process.execPath, [astro, 'build', '--outDir', resolve(values.out!)], {
  stdio: 'inherit',
  env: { ...process.env, ARCHIVE_PLAN: plan, ARCHIVE_PART: values.part },
});
process.exit(build.status ?? 1);
