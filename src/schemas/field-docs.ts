/**
 * The README's field tables of the open-data files ("Fields of the JSON files"), generated from the
 * zod schemas: a row per field with its type, whether it is required and its `.describe()`. An object
 * with a title of its own (`.meta({ title })`) has its own table; one without is listed inline
 * (`owner.name`, `amendments[].anchor`). `npm run docs` writes them into the README between the
 * markers; `field-docs.test.ts` fails when the README is not what this makes.
 */
import { z } from 'astro/zod';
import { ISO_DATE, TIME, documentSchema, imageRefSchema, itemSchema } from './document.ts';
import {
  addresseeSchema,
  caseRefSchema,
  contactSchema,
  headerFieldSchema,
  mentionSchema,
  personSchema,
  previousMinutesSchema,
  reportSchema,
  resolutionSchema,
} from './document.ts';
import { sessionSchema, sourceFileSchema, tableSchema } from './document.ts';
import { figureSchema, periodSchema } from './figure.ts';
import { datasetSchema, indexEntrySchema, indexSchema } from './open-data.ts';

export const BEGIN = '<!-- field tables: generated from src/schemas/ by `npm run docs`; edit the schemas, not these tables -->';
export const END = '<!-- end of the generated field tables -->';

interface TableSpec {
  /** The heading's name: the object's title. */
  name: string;
  /** jq paths of the objects the table describes. */
  paths: string[];
  schema: z.ZodObject;
  /** A paragraph under the heading. */
  intro?: string;
}

interface FileSpec {
  heading: string;
  intro?: string;
  tables: TableSpec[];
}

const FILES: FileSpec[] = [
  {
    heading: '`dist/data/index.json`',
    tables: [
      { name: 'Top level', paths: ['.'], schema: indexSchema },
      { name: 'Dataset', paths: ['.dataset'], schema: datasetSchema },
      { name: 'Document entry', paths: ['.documents[]'], schema: indexEntrySchema },
    ],
  },
  {
    heading: '`dist/data/documents/<id>.json`',
    intro: 'Minutes fill the meeting fields (`session`, times, `chair`, `previous`…); reports fill `period`,\n`dataCutoff`, `published` and `contact`.',
    tables: [
      { name: 'ArchiveDocument (top level)', paths: ['.'], schema: documentSchema },
      { name: 'Session', paths: ['.session', '.previous.session'], schema: sessionSchema },
      { name: 'Person', paths: ['.chair'], schema: personSchema },
      { name: 'HeaderField', paths: ['.header[]'], schema: headerFieldSchema },
      { name: 'PreviousMinutes', paths: ['.previous'], schema: previousMinutesSchema },
      {
        name: 'Item',
        paths: ['.items[]', '.items[].items[]'],
        schema: itemSchema,
        intro: 'Items nest at any depth with the same fields: a section (貳、報告事項), its items (三、本府 e 化統計),\ntheir sub-items ((一)…).',
      },
      { name: 'Resolution', paths: ['.items[].resolutions[]'], schema: resolutionSchema },
      { name: 'Addressee', paths: ['.items[].resolutions[].addressees[]'], schema: addresseeSchema },
      { name: 'Mention', paths: ['.items[].resolutions[].mentions[]'], schema: mentionSchema },
      { name: 'CaseRef', paths: ['.items[].resolutions[].cases[]', '.items[].cases[]'], schema: caseRefSchema },
      { name: 'SupplementaryReport', paths: ['.items[].reports[]'], schema: reportSchema },
      { name: 'Table', paths: ['.items[].tables[]'], schema: tableSchema },
      { name: 'ImageRef', paths: ['.items[].images[]'], schema: imageRefSchema },
      { name: 'Contact', paths: ['.contact'], schema: contactSchema },
      { name: 'SourceFile (provenance)', paths: ['.file'], schema: sourceFileSchema },
      {
        name: 'Figure',
        paths: ['.figures[]'],
        schema: figureSchema,
        intro:
          "Every quantity printed in a report's items (and the money and counts of minutes' resolutions), one entry\neach: `jq '.figures[] | select(.indicator == \"總用電量\")'`. The same rows are in `data/figures.csv`.",
      },
      { name: 'Period', paths: ['.figures[].period', '.figures[].baseline.period', '.figures[].comparedWith'], schema: periodSchema },
    ],
  },
];

/** The schema inside optional and nullable wrappers, and whether those allow absence or null. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; nullable: boolean } {
  let inner = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    if (inner instanceof z.ZodOptional) optional = true;
    else if (inner instanceof z.ZodNullable) nullable = true;
    else return { inner, optional, nullable };
    inner = inner.unwrap() as z.ZodType;
  }
}

const titleOf = (schema: z.ZodType): string | undefined => schema.meta()?.title as string | undefined;

/** How a leaf reads in the type column, from its JSON Schema: `integer`, `string (ISO date)`, `string: \`a\` \| \`b\``. */
function leafType(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'output' }) as { type?: string; pattern?: string; format?: string; enum?: unknown[] };
  if (json.enum) return `string: ${json.enum.map((value) => `\`${String(value)}\``).join(' \\| ')}`;
  if (json.pattern === ISO_DATE.source) return 'string (ISO date)';
  if (json.pattern === TIME.source) return 'string (`HH:MM`)';
  if (json.format === 'uri') return 'string (URL)';
  if (json.format === 'email') return 'string (email)';
  return json.type ?? 'value';
}

/** A field's type as the tables print it, and the inline rows of an untitled object within it. */
function typeOf(schema: z.ZodType): { type: string; inline?: { prefix: string; object: z.ZodObject } } {
  if (schema instanceof z.ZodObject) {
    const title = titleOf(schema);
    return title ? { type: `object (${title})` } : { type: 'object', inline: { prefix: '.', object: schema } };
  }
  if (schema instanceof z.ZodArray) {
    const element = unwrap(schema.element as z.ZodType).inner;
    if (element instanceof z.ZodObject && !titleOf(element)) return { type: 'array', inline: { prefix: '[].', object: element } };
    const inner = typeOf(element).type;
    return { type: `array of ${inner.replace(/^object \((.+)\)$/, '$1')}` };
  }
  return { type: leafType(schema) };
}

const cell = (text: string) => text.replaceAll('\n', ' ').replace(/(?<!\\)\|/g, '\\|');

/** The rows of one object: its fields, and inline the fields of untitled objects below them. */
export function rows(object: z.ZodObject, prefix = ''): string[] {
  const out: string[] = [];
  for (const [name, field] of Object.entries(object.shape) as Array<[string, z.ZodType]>) {
    const { inner, optional, nullable } = unwrap(field);
    const { type, inline } = typeOf(inner);
    const description = field.description ?? inner.description;
    if (!description) throw new Error(`${prefix}${name}: the schema has no .describe() for this field; the README tables need its meaning`);
    out.push(`| \`${prefix}${name}\` | ${cell(nullable ? `${type} or null` : type)} | ${optional ? 'optional' : 'required'} | ${cell(description)} |`);
    if (inline) out.push(...rows(inline.object, `${prefix}${name}${inline.prefix}`));
  }
  return out;
}

/** The markdown between the markers. */
export function fieldTables(): string {
  const out: string[] = [];
  for (const file of FILES) {
    out.push(`##### ${file.heading}`, '');
    if (file.intro) out.push(file.intro, '');
    for (const table of file.tables) {
      out.push(`###### ${table.name} ${table.paths.map((path) => `\`${path}\``).join(', ')}`, '');
      if (table.intro) out.push(table.intro, '');
      out.push('| field | type | required | meaning |', '| --- | --- | --- | --- |', ...rows(table.schema), '');
    }
  }
  return out.join('\n').trimEnd();
}

/** The README with its field tables replaced by {@link fieldTables}; throws when the markers are missing. */
export function withFieldTables(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md: the markers of the field tables are missing:\n${BEGIN}\n${END}`);
  return `${readme.slice(0, start + BEGIN.length)}\n\n${fieldTables()}\n\n${readme.slice(end)}`;
}
