/** `npm run docs`: writes the README's field tables of the open-data files from the zod schemas (src/schemas/field-docs.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { withFieldTables } from '../src/schemas/field-docs.ts';

const readme = readFileSync('README.md', 'utf8');
const updated = withFieldTables(readme);
writeFileSync('README.md', updated);
console.error(updated === readme ? 'README.md: field tables already up to date' : 'README.md: field tables rewritten from src/schemas/');
