/**
 * `npm run assemble -- [--plan plan] [--out dist] SITE…`: the last step of a planned build (README:
 * "Building on several machines"). Merges the hub's built site and every part's into one `dist/`,
 * stops listing the files if two jobs built one file differently or a part is missing, then writes
 * the search files spanning shards. `dist/` is then the site, the same as one machine builds.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assembleSite } from '../src/plan/assemble.ts';
import { readPlan } from '../src/plan/plan.ts';

const { values, positionals } = parseArgs({
  options: { plan: { type: 'string', default: 'plan' }, out: { type: 'string', default: 'dist' } },
  allowPositionals: true,
});
if (!positionals.length) {
  console.error('usage: npm run assemble -- [--plan plan] [--out dist] HUB-SITE PART-SITE…');
  process.exit(2);
}
const started = performance.now();
try {
  const { files, shared } = assembleSite(
    readPlan(resolve(values.plan!)),
    positionals.map((site) => resolve(site)),
    resolve(values.out!),
  );
  console.error(
    `assembled ${files} files from ${positionals.length} sites (${shared} files built by several, the same) in ${Math.round(performance.now() - started)} ms`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
