/**
 * The README's "Fields of the JSON files" tables against the published JSON Schemas, so the docs a
 * journalist or developer reads cannot drift from `dist/data/index.json` and `documents/<id>.json`.
 *
 * The schemas are generated as the build writes them (`src/pages/data/schema/*.json.ts`). In the
 * README, a `#####` heading names the file, a `######` heading names one kind of object and gives its
 * jq paths in backticks (`.items[].resolutions[]`, `.` for the top level), and the table under it has
 * a row per field: `` `name` `` (or `` `owner.name` ``, `` `amendments[].anchor` `` for a small
 * object documented inline), its type, required or optional, and its meaning.
 *
 * Checked both ways: every property of every object in a schema (walking properties, items,
 * `$ref`/`$defs`, anyOf/oneOf/allOf) has a row, and every row names a property the schema has; a
 * row's required/optional and type agree with the schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentJsonSchema, indexJsonSchema } from './open-data.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema | boolean;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  enum?: unknown[];
  const?: unknown;
}

type FileName = 'index' | 'document';

/** As published: the build writes `JSON.stringify` of these. */
const schemas: Record<FileName, JsonSchema> = {
  index: JSON.parse(JSON.stringify(indexJsonSchema())) as JsonSchema,
  document: JSON.parse(JSON.stringify(documentJsonSchema())) as JsonSchema,
};

const SECTION = '#### Fields of the JSON files';
const COLUMNS = ['field', 'type', 'required', 'meaning'];

interface Row {
  field: string;
  type: string;
  required: string;
  meaning: string;
  /** README line, for messages. */
  line: number;
}

interface DocTable {
  file: FileName;
  heading: string;
  /** jq paths of the objects the table describes: `.`, `.items[]`. */
  paths: string[];
  rows: Row[];
}

/** Splits a markdown table row on unescaped pipes, `\|` standing for a pipe inside a cell. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll('\\|', '|'));
}

/** The tables of the README's "Fields of the JSON files" sub-section, with problems in their layout. */
function readTables(): { tables: DocTable[]; problems: string[] } {
  const lines = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === SECTION);
  if (start < 0) return { tables: [], problems: [`README.md has no "${SECTION}" sub-section`] };
  const end = lines.findIndex((line, index) => index > start && /^#{1,4}\s/.test(line));
  const problems: string[] = [];
  const tables: DocTable[] = [];
  let file: FileName | undefined;
  let heading: { text: string; paths: string[]; line: number; used: boolean } | undefined;
  const headings: Array<NonNullable<typeof heading>> = [];
  for (let index = start + 1; index < (end < 0 ? lines.length : end); index++) {
    const line = lines[index]!;
    const at = `README.md:${index + 1}`;
    if (/^#####\s/.test(line) && !/^######/.test(line)) {
      file = /documents\/<id>\.json/.test(line) ? 'document' : /index\.json/.test(line) ? 'index' : undefined;
      if (!file) problems.push(`${at}: a ##### heading should name data/index.json or data/documents/<id>.json: ${line}`);
      heading = undefined;
    } else if (/^######\s/.test(line)) {
      const paths = [...line.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
      heading = { text: line.replace(/^#+\s*/, ''), paths, line: index + 1, used: false };
      headings.push(heading);
      if (!paths.length) problems.push(`${at}: the heading gives no jq path in backticks: ${line}`);
      for (const path of paths) if (!/^\.$|^(\.[A-Za-z_$][\w$]*(\[\])?)+$/.test(path)) problems.push(`${at}: not a jq path like .items[]: ${path}`);
    } else if (line.startsWith('|') && !lines[index - 1]!.startsWith('|')) {
      const header = cells(line).map((cell) => cell.toLowerCase());
      if (header.join() !== COLUMNS.join()) problems.push(`${at}: table columns should be ${COLUMNS.join(' | ')}, not ${header.join(' | ')}`);
      if (!file || !heading) {
        problems.push(`${at}: a table needs a ##### heading naming the file and a ###### heading with its jq paths above it`);
      } else if (heading.used) {
        problems.push(`${at}: one table per ###### heading (${heading.text})`);
      }
      const rows: Row[] = [];
      let next = index + 2; // after the separator row
      for (; next < lines.length && lines[next]!.startsWith('|'); next++) {
        const [first = '', type = '', required = '', meaning = '', ...extra] = cells(lines[next]!);
        const rowAt = `README.md:${next + 1}`;
        const field = /^`([^`]+)`$/.exec(first)?.[1];
        if (!field) problems.push(`${rowAt}: the first column should be one field name in backticks, not ${first}`);
        else if (rows.some((row) => row.field === field)) problems.push(`${rowAt}: \`${field}\` is listed twice in this table`);
        if (extra.length || !meaning) problems.push(`${rowAt}: expected 4 cells (field, type, required, meaning)`);
        if (field) rows.push({ field, type, required, meaning, line: next + 1 });
      }
      if (file && heading) {
        tables.push({ file, heading: heading.text, paths: heading.paths, rows });
        heading.used = true;
      }
      index = next - 1;
    }
  }
  for (const { text, line, used } of headings) if (!used) problems.push(`README.md:${line}: no table under "${text}"`);
  return { tables, problems };
}

/** The schema a `$ref` points to (`#/$defs/…` of the same document). */
function deref(root: JsonSchema, node: JsonSchema): { node: JsonSchema; ref?: string } {
  if (!node.$ref) return { node };
  const match = /^#\/\$defs\/(.+)$/.exec(node.$ref);
  const target = match ? root.$defs?.[match[1]!] : undefined;
  if (!target) throw new Error(`unresolvable $ref ${node.$ref}`);
  return { node: target, ref: node.$ref };
}

/** The alternatives a value can take: anyOf/oneOf/allOf flattened, `$ref`s followed. */
function alternatives(root: JsonSchema, node: JsonSchema): JsonSchema[] {
  const { node: target } = deref(root, node);
  const branches = [...(target.anyOf ?? []), ...(target.oneOf ?? []), ...(target.allOf ?? [])];
  return [target, ...branches.flatMap((branch) => alternatives(root, branch))];
}

function elementSchemas(node: JsonSchema): JsonSchema[] {
  return [...(node.prefixItems ?? []), ...(typeof node.items === 'object' ? [node.items] : [])];
}

/**
 * Every property of every object reachable from the root, as jq paths (`.items[].resolutions[].text`).
 * A `$ref` already being expanded is not expanded again (Item holds Items), so each object is walked once.
 */
function schemaFields(root: JsonSchema): { fields: Set<string>; problems: string[] } {
  const fields = new Set<string>();
  const problems: string[] = [];
  const reached = new Set<string>();
  const walk = (node: JsonSchema, path: string, expanding: string[]): void => {
    const { node: target, ref } = deref(root, node);
    if (ref) {
      if (expanding.includes(ref)) return;
      reached.add(ref);
      expanding = [...expanding, ref];
    }
    for (const branch of [...(target.anyOf ?? []), ...(target.oneOf ?? []), ...(target.allOf ?? [])]) walk(branch, path, expanding);
    for (const [name, property] of Object.entries(target.properties ?? {})) {
      fields.add(`${path}.${name}`);
      walk(property, `${path}.${name}`, expanding);
    }
    if (typeof target.additionalProperties === 'object' || target.patternProperties) {
      problems.push(`${path || '.'}: an object with arbitrary keys, which the README tables cannot list; document it and extend this test`);
    }
    for (const element of elementSchemas(target)) walk(element, `${path}[]`, expanding);
  };
  walk(root, '', []);
  for (const name of Object.keys(root.$defs ?? {})) {
    if (!reached.has(`#/$defs/${name}`)) problems.push(`$defs/${name} is never referenced`);
  }
  return { fields, problems };
}

/** Where a jq path to a property leads: each object that has it, with the property's schema. */
function resolveField(root: JsonSchema, path: string): Array<{ parent: JsonSchema; property: JsonSchema; name: string }> {
  const steps = path.match(/\.[^.[]+|\[\]/g) ?? [];
  const last = steps.pop();
  if (!last?.startsWith('.')) return [];
  let nodes = [root];
  for (const step of steps) {
    const options = nodes.flatMap((node) => alternatives(root, node));
    nodes =
      step === '[]' ? options.flatMap(elementSchemas) : options.flatMap((node) => (node.properties?.[step.slice(1)] ? [node.properties[step.slice(1)]!] : []));
  }
  const name = last.slice(1);
  return nodes
    .flatMap((node) => alternatives(root, node))
    .flatMap((parent) => (parent.properties?.[name] ? [{ parent, property: parent.properties[name]!, name }] : []));
}

/** The JSON types a value can have: `string`, `integer`, `null`… */
function typesOf(root: JsonSchema, node: JsonSchema): Set<string> {
  const types = new Set<string>();
  for (const option of alternatives(root, node)) {
    for (const type of [option.type ?? []].flat()) types.add(type);
    if (option.const === null || option.enum?.includes(null)) types.add('null');
  }
  return types;
}

function enumValues(root: JsonSchema, node: JsonSchema): unknown[] {
  return alternatives(root, node).flatMap((option) => [...(option.enum ?? []), ...('const' in option ? [option.const] : [])]);
}

/** A documented field as a jq path: `owner.name` in the table of `.dataset` is `.dataset.owner.name`. */
function fieldPath(objectPath: string, field: string): string {
  return `${objectPath === '.' ? '' : objectPath}.${field}`;
}

const { tables, problems: layoutProblems } = readTables();

describe('README: Fields of the JSON files', () => {
  it('is laid out as the checks below expect', () => {
    expect(layoutProblems).toEqual([]);
    expect(new Set(tables.map((table) => table.file))).toEqual(new Set(['index', 'document']));
  });

  for (const file of ['index', 'document'] as const) {
    const root = schemas[file];
    const ours = tables.filter((table) => table.file === file);
    const documented = new Map<string, { table: DocTable; row: Row }>();
    for (const table of ours) {
      for (const path of table.paths) for (const row of table.rows) documented.set(fieldPath(path, row.field), { table, row });
    }

    it(`documents every property of the ${file} schema`, () => {
      const { fields, problems } = schemaFields(root);
      expect(problems).toEqual([]);
      expect(fields.size).toBeGreaterThan(0);
      const missing = [...fields].filter((path) => !documented.has(path));
      expect(missing, 'fields the JSON Schema has but no README table row documents').toEqual([]);
    });

    it(`documents no field the ${file} schema lacks`, () => {
      const extra = [...documented].filter(([path]) => resolveField(root, path).length === 0).map(([path, { row }]) => `README.md:${row.line}: ${path}`);
      expect(extra, 'README table rows naming a field the JSON Schema does not have').toEqual([]);
    });

    it(`says required or optional, and the type, as the ${file} schema does`, () => {
      const problems: string[] = [];
      for (const [path, { row }] of documented) {
        const at = `README.md:${row.line}: ${path}`;
        const found = resolveField(root, path);
        if (!found.length) continue; // reported above
        const required = found.map(({ parent, name }) => (parent.required?.includes(name) ? 'required' : 'optional'));
        if (new Set(required).size > 1) problems.push(`${at}: required in some places and optional in others; split the table`);
        else if (row.required !== required[0]) problems.push(`${at}: says ${row.required || '(nothing)'}, the schema has it ${required[0]}`);

        const type = row.type.toLowerCase();
        const types = new Set(found.flatMap(({ property }) => [...typesOf(root, property)]));
        for (const word of types) if (!new RegExp(`\\b${word}\\b`).test(type)) problems.push(`${at}: the type should mention ${word}: ${row.type}`);
        const lead = /^[a-z]+/.exec(type)?.[0];
        if (types.size && (!lead || !types.has(lead))) problems.push(`${at}: the type should start with one of ${[...types].join(', ')}: ${row.type}`);
        if (/\bnull\b/.test(type) && !types.has('null')) problems.push(`${at}: says null, which the schema does not allow`);
        for (const value of found.flatMap(({ property }) => enumValues(root, property))) {
          if (value !== null && !row.type.includes(`\`${String(value)}\``)) problems.push(`${at}: the type should list \`${String(value)}\``);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
