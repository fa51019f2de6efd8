/**
 * Loads the registries publishers maintain in `content/`: agencies.yaml, topics.yaml, series.yaml.
 * A malformed entry stops the build with the file, line and what was expected.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { AgencyIndex } from '../pipeline/enrich/agencies.ts';
import type { Registries } from '../pipeline/enrich/index.ts';
import { TopicIndex } from '../pipeline/enrich/topics.ts';
import { type PersonAlias, peopleSchema } from '../schemas/people.ts';
import { type Agency, type SeriesName, type Topic, agenciesSchema, seriesListSchema, topicsSchema } from '../schemas/registry.ts';

export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** Reads one YAML registry and validates it, naming file:line:column of the first problems. */
export function loadYaml<T>(path: string, schema: z.ZodType<T>, display = path): T {
  const text = readFileSync(path, 'utf8');
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    const { line, col } = lines.linePos(error.pos[0]);
    throw new RegistryError(`${display}:${line}:${col} ${error.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 10).map((issue) => {
    const node = doc.getIn(issue.path as Array<string | number>, true) as { range?: [number, number] } | undefined;
    const parent = doc.getIn(issue.path.slice(0, -1) as Array<string | number>, true) as { range?: [number, number] } | undefined;
    const { line, col } = lines.linePos(node?.range?.[0] ?? parent?.range?.[0] ?? 0);
    return `${display}:${line}:${col} ${issue.path.join('.')}: ${issue.message}`;
  });
  throw new RegistryError(problems.join('\n'));
}

export interface RegistryData {
  agencies: Agency[];
  topics: Topic[];
  series: SeriesName[];
}

/** Checks what a schema cannot: slugs and names unique across entries. */
function checkUnique(agencies: Agency[], topics: Topic[]): void {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const agency of agencies) {
    if (seen.has(`slug:${agency.slug}`)) problems.push(`content/agencies.yaml: slug ${agency.slug} is used twice`);
    seen.set(`slug:${agency.slug}`, agency.slug);
    for (const name of new Set([agency.name, agency.short, ...agency.aliases])) {
      const other = seen.get(`name:${name}`);
      if (other && other !== agency.slug) problems.push(`content/agencies.yaml: name ${name} belongs to both ${other} and ${agency.slug}`);
      seen.set(`name:${name}`, agency.slug);
    }
  }
  const topicSlugs = new Set<string>();
  for (const topic of topics) {
    if (topicSlugs.has(topic.slug)) problems.push(`content/topics.yaml: slug ${topic.slug} is used twice`);
    topicSlugs.add(topic.slug);
  }
  if (problems.length) throw new RegistryError(problems.join('\n'));
}

export function loadRegistryData(contentDir: string): RegistryData {
  const agencies = loadYaml(join(contentDir, 'agencies.yaml'), agenciesSchema, 'content/agencies.yaml');
  const topics = loadYaml(join(contentDir, 'topics.yaml'), topicsSchema, 'content/topics.yaml');
  const series = loadYaml(join(contentDir, 'series.yaml'), seriesListSchema, 'content/series.yaml');
  checkUnique(agencies, topics);
  return { agencies, topics, series };
}

/**
 * content/people.yaml, the names that belong to one person (optional: without it nobody is joined).
 * Kept apart from the pipeline's registries, so editing it does not parse every document again.
 */
export function loadPeopleRegistry(contentDir: string): PersonAlias[] {
  const path = join(contentDir, 'people.yaml');
  if (!existsSync(path)) return [];
  const people = loadYaml(path, peopleSchema, 'content/people.yaml');
  const problems: string[] = [];
  const owners = new Map<string, string>();
  for (const person of people) {
    if (owners.get(`slug:${person.slug}`)) problems.push(`content/people.yaml: slug ${person.slug} is used twice`);
    owners.set(`slug:${person.slug}`, person.slug);
    for (const name of new Set([person.name, ...person.aliases])) {
      const other = owners.get(`name:${name}`);
      if (other && other !== person.slug) problems.push(`content/people.yaml: name ${name} belongs to both ${other} and ${person.slug}`);
      owners.set(`name:${name}`, person.slug);
    }
  }
  if (problems.length) throw new RegistryError(problems.join('\n'));
  return people;
}

/** The registries as the pipeline uses them. */
/** The registries as the pipeline uses them, with the data they were built from. */
export type LoadedRegistries = Registries & { data: RegistryData };

export function loadRegistries(contentDir: string): LoadedRegistries {
  const data = loadRegistryData(contentDir);
  return { agencies: new AgencyIndex(data.agencies), topics: new TopicIndex(data.topics), series: data.series, data };
}
