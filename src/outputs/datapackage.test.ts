import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { loadRegistries } from '../ingest/registries.ts';
import { loadSiteIdentity } from '../ingest/site-identity.ts';
import { listSources, processPath } from '../ingest/sources.ts';
import { DATA_PACKAGE_PROFILE, dataPackage, resolutionFields } from './datapackage.ts';
import { resolutionRows, resolutionsCsv } from './resolutions-csv.ts';

const registries = loadRegistries(join(ARCHIVE, 'content'));
const documents = listSources(ARCHIVE).map((path) => processPath(ARCHIVE, path, registries).document!);
const site = loadSiteIdentity(join(ARCHIVE, 'content'));
const descriptor = dataPackage({ site, dataUrl: 'https://minutes.gov.taipei/archive/data/', documents });

/**
 * The parts of Data Package v2 (datapackage.org/standard) a consumer relies on: a named package
 * with resources, each named and located, a licence with a path or name, contributors with roles;
 * a tabular resource with a Table Schema of named, typed fields.
 */
const NAME = { type: 'string', pattern: '^[a-z0-9._-]+$' };
const descriptorSchema = {
  type: 'object',
  required: ['$schema', 'name', 'title', 'licenses', 'resources'],
  properties: {
    $schema: { const: DATA_PACKAGE_PROFILE },
    name: NAME,
    id: { type: 'string', format: 'uri' },
    homepage: { type: 'string', format: 'uri' },
    licenses: { type: 'array', minItems: 1, items: { type: 'object', anyOf: [{ required: ['name'] }, { required: ['path'] }] } },
    contributors: {
      type: 'array',
      items: { type: 'object', required: ['title', 'roles'], properties: { roles: { type: 'array', items: { type: 'string' } } } },
    },
    resources: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'path', 'format', 'mediatype'],
        properties: { name: NAME, path: { type: 'string', pattern: '^(?!/)(?!.*\\.\\.)' }, schema: { type: ['string', 'object'] } },
        if: { properties: { type: { const: 'table' } }, required: ['type'] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable
        then: {
          required: ['schema', 'dialect'],
          properties: {
            schema: {
              type: 'object',
              required: ['fields'],
              properties: {
                fields: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['name', 'type'],
                    properties: {
                      name: { type: 'string' },
                      type: { enum: ['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'list', 'object', 'array', 'any'] },
                    },
                  },
                },
              },
            },
          },
        },
        else: { properties: { schema: { type: 'string', pattern: '^schema/[a-z]+\\.json$' } } },
      },
    },
  },
};

describe('data/datapackage.json', () => {
  it('has the required parts of a Data Package, with licence and metadata from site.yaml', () => {
    const validate = new Ajv2020({ allErrors: true, validateFormats: false }).compile(descriptorSchema);
    expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...descriptor, resources: [] })).toBe(false);
    expect(descriptor).toMatchObject({
      title: site.name,
      homepage: 'https://minutes.gov.taipei/archive/data/',
      id: 'https://minutes.gov.taipei/archive/data/datapackage.json',
      licenses: [{ path: site.license.url, title: site.license.name }],
      updateFrequency: site.dataset.updateFrequency,
    });
    expect(descriptor.contributors).toContainEqual({ title: site.dataset.publisher, roles: ['publisher'] });
  });

  it('describes the CSV with a Table Schema whose fields are its header, and whose types its values meet', () => {
    const csv = resolutionsCsv(resolutionRows(documents, (document) => `https://minutes.gov.taipei/archive${document.url}`));
    const [header, ...rows]: string[][] = parse(csv, { bom: true });
    const fields = resolutionFields();
    expect(fields.map((field) => field.name)).toEqual(header);
    const table = (descriptor.resources as { name: string; schema: { fields: unknown[]; primaryKey: string[] } }[]).find(
      (resource) => resource.name === 'resolutions',
    )!;
    expect(table.schema.fields).toEqual(fields);
    for (const [column, field] of fields.entries()) {
      const values = rows.map((row) => row[column]!);
      if (field.constraints?.required) expect(values.every(Boolean), field.name).toBe(true);
      if (field.constraints?.unique) expect(new Set(values).size, field.name).toBe(values.length);
      if (field.type === 'date')
        expect(
          values.every((value) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)),
          field.name,
        ).toBe(true);
      if (field.format === 'uri')
        expect(
          values.every((value) => URL.canParse(value)),
          field.name,
        ).toBe(true);
      if (field.type === 'list')
        expect(
          values.every((value) => !/^;|;;|;$/.test(value)),
          field.name,
        ).toBe(true);
    }
    expect(table.schema.primaryKey.every((key) => header.includes(key))).toBe(true);
  });

  it('lists the document list and every document file with the JSON Schema each follows', () => {
    const resources = descriptor.resources as { name: string; path: string; schema: unknown }[];
    expect(resources.find((resource) => resource.path === 'index.json')?.schema).toBe('schema/index.json');
    const files = resources.filter((resource) => resource.path.startsWith('documents/'));
    expect(files.map((resource) => resource.path).sort()).toEqual(documents.map((document) => `documents/${document.id}.json`).sort());
    expect(files.every((resource) => resource.schema === 'schema/document.json')).toBe(true);
    expect(new Set(resources.map((resource) => resource.name)).size).toBe(resources.length);
  });
});
