import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { fieldTables, rows, withFieldTables } from './field-docs.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README field tables', () => {
  it('are what the schemas say (run `npm run docs` after changing a schema)', () => {
    expect(withFieldTables(readme)).toBe(readme);
  });

  it('take each meaning from the field’s .describe(), and list an untitled object’s fields inline', () => {
    const tables = fieldTables();
    expect(tables).toContain('| `rocDate` | string | optional | The date as printed, in the ROC (民國) calendar: 「民國 111 年 9 月 22 日」. |');
    expect(tables).toContain('| `period.start` | string (ISO date) | required | Its first day: `2020-01-01`. |');
    expect(tables).toContain('| `amendments[].anchor` | string | required |');
    expect(tables).toContain('| `chair` | object (Person) | optional | Who chaired it (主席). |');
    expect(tables).toContain('| `kind` | string: `minutes` \\| `report` | required |');
  });

  it('refuse a field with no meaning, naming it', () => {
    expect(() => rows(z.object({ title: z.string().describe('The title.'), owner: z.object({ name: z.string() }).describe('Who.') }))).toThrow(
      /^owner\.name: the schema has no \.describe\(\)/,
    );
  });
});
