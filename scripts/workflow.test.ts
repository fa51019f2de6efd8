/**
 * The CI workflows in .github/workflows/ are valid before anyone pushes them: each is checked against
 * the JSON Schema of GitHub workflows (tests/fixtures/schemas/github-workflow.json, copied from
 * SchemaStore, src/schemas/json/github-workflow.json at commit 3b6446ad8a077bac56f4a4796c0b7fd88927fc8e,
 * Apache-2.0; no network at test time), and for what a schema cannot see: jobs that need a job that
 * is not there, npm scripts that package.json lacks, actions not pinned to a major version, and the
 * expressions' `needs.<job>` and `steps.<id>` naming a job or step that exists.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, '.github', 'workflows');
const schema = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'schemas', 'github-workflow.json'), 'utf8'));
const scripts = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts);

interface Step {
  id?: string;
  uses?: string;
  run?: string;
}
interface Job {
  needs?: string | string[];
  steps?: Step[];
  outputs?: Record<string, string>;
}

/** What a schema cannot tell: the names a workflow refers to inside itself and the repository. */
function workflowProblems(workflow: { jobs: Record<string, Job> }, npmScripts: string[]): string[] {
  const problems: string[] = [];
  const jobs = Object.keys(workflow.jobs);
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const needs = [job.needs ?? []].flat();
    for (const need of needs) if (!jobs.includes(need)) problems.push(`${name}: needs ${need}, which is no job`);
    const ids = (job.steps ?? []).flatMap((step) => (step.id ? [step.id] : []));
    const text = JSON.stringify(job);
    for (const [, other] of text.matchAll(/needs\.([\w-]+)\./g)) if (!needs.includes(other!)) problems.push(`${name}: reads needs.${other} without needing it`);
    for (const [, id] of text.matchAll(/steps\.([\w-]+)\./g)) if (!ids.includes(id!)) problems.push(`${name}: reads steps.${id}, which is no step of it`);
    for (const step of job.steps ?? []) {
      if (step.uses && !/^[\w.-]+\/[\w./-]+@v\d+$/.test(step.uses))
        problems.push(`${name}: ${step.uses} is not an action pinned to a major version (owner/name@vN)`);
      for (const [, script] of (step.run ?? '').matchAll(/npm run (?:--silent )?([\w:-]+)/g))
        if (!npmScripts.includes(script!)) problems.push(`${name}: runs npm run ${script}, which package.json does not define`);
    }
  }
  return problems;
}

const files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));

describe('the GitHub Actions workflows', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it('are there', () => expect(files).toContain('build.yml'));

  it.each(files)('%s follows the workflow schema and names only what exists', (file) => {
    const workflow = parse(readFileSync(join(dir, file), 'utf8'));
    validate(workflow);
    expect(validate.errors?.map((error) => `${file}: ${error.instancePath} ${error.message}`) ?? []).toEqual([]);
    expect(workflowProblems(workflow, scripts)).toEqual([]);
  });

  it('catches a broken workflow', () => {
    const broken = {
      on: 'push',
      jobs: { build: { 'runs-on': 'ubuntu-latest', needs: 'plann', steps: [{ uses: 'actions/checkout@main' }, { run: 'npm run shards' }] } },
    };
    expect(validate(broken)).toBe(true);
    expect(workflowProblems(broken, scripts)).toEqual([
      'build: needs plann, which is no job',
      'build: actions/checkout@main is not an action pinned to a major version (owner/name@vN)',
      'build: runs npm run shards, which package.json does not define',
    ]);
    expect(validate({ on: 'push', jobs: { build: { steps: [{ run: 'x' }] } } })).toBe(false);
  });
});
