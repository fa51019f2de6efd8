/**
 * `npm run plan -- --parts N [--out plan]`: the first step of a build spread over several machines
 * (README: "Building on several machines"). Reads content/ once, computes every cross-document fact
 * the pages need, splits the documents into N parts of whole search shards and writes the plan
 * folder every other job builds from. Prints the jobs that build from it, `hub` and the part
 * numbers, one a line (`--matrix`: as a JSON list, for a CI matrix), and how far it is on stderr
 * (`plan: read 5000 / 100000 files (12 s)`). SEARCH_SHARD_SIZE and STRICT apply as to a build.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readBuildOptions } from '../src/options.ts';
import { makePlan } from '../src/plan/plan.ts';

const { values } = parseArgs({ options: { parts: { type: 'string' }, out: { type: 'string', default: 'plan' }, matrix: { type: 'boolean' } } });
const parts = Number(values.parts);
if (!values.parts || !Number.isInteger(parts) || parts < 1) {
  console.error('usage: npm run plan -- --parts N [--out plan] [--matrix]   (N: how many machines build the documents; a whole number, at least 1)');
  process.exit(2);
}
const options = readBuildOptions();
const started = performance.now();
const plan = await makePlan({
  root: process.cwd(),
  out: resolve(values.out!),
  parts,
  shardSize: options.shardSize,
  threads: options.threads,
  onProblem: options.strict ? undefined : (problem) => console.error(problem),
  onProgress: (message) => console.error(`plan: ${message}`),
});
if (options.strict && plan.problems.length) {
  console.error(`${plan.problems.length} problems in content/ (strict build):\n${plan.problems.join('\n')}`);
  process.exit(1);
}
const sizes = plan.parts.map((part) => `${part.index}: ${part.documents} documents in ${part.shards.length} search shard(s)`);
console.error(
  `planned ${plan.documentUrls.length} documents in ${Math.round(performance.now() - started)} ms, ${plan.problems.length} warnings\n${sizes.join('\n')}`,
);
// The jobs that build: the hub and each part (a CI matrix reads the JSON list).
const jobs = ['hub', ...plan.parts.map((part) => String(part.index))];
console.log(values.matrix ? JSON.stringify(jobs) : jobs.join('\n'));
