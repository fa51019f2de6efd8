/**
 * `npm run corpus -- <count> <dir>`: writes a synthetic archive of <count> documents into <dir>
 * (content/minutes and content/reports, plus the registries), made from the real documents of
 * content/ with new session numbers and dates, so benchmarks and search evaluation can run at scale.
 * The words stay the documents' own; only numbers in titles and headers change.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [countArg = '1000', outArg = 'tmp/corpus'] = process.argv.slice(2);
const count = Number(countArg);
const out = outArg;
const root = process.cwd();

const templates = ['minutes', 'reports'].flatMap((kind) =>
  readdirSync(join(root, 'content', kind))
    .filter((name) => /\.(?:txt|md)$/.test(name))
    .map((name) => ({ kind, name, text: readFileSync(join(root, 'content', kind, name), 'utf8') })),
);
if (!templates.length) throw new Error('content/minutes and content/reports hold no documents to copy');

mkdirSync(join(out, 'content', 'minutes'), { recursive: true });
mkdirSync(join(out, 'content', 'reports'), { recursive: true });
for (const registry of ['agencies.yaml', 'topics.yaml', 'series.yaml']) copyFileSync(join(root, 'content', registry), join(out, 'content', registry));

for (let index = 0; index < count; index++) {
  const template = templates[index % templates.length]!;
  const copy = Math.floor(index / templates.length) + 1;
  // A new session number (第 210 次 → 第 1210 次 …) and a new ROC year keep ids unique and dates plausible.
  let text = template.text.replace(/第\s*(\d+)\s*次/, (_, n: string) => `第 ${Number(n) + copy * 1000} 次`);
  if (template.kind === 'reports') {
    // Reports are identified by agency and period: move the period by whole years.
    text = text.replace(/(\d{2,3})(\s*年\s*\d+\s*-\s*\d+\s*月)/, (_, year: string, rest: string) => `${Number(year) + copy}${rest}`);
  }
  const name = `${template.name.replace(/\.(txt|md)$/, '')}-${String(copy).padStart(4, '0')}.${template.name.split('.').pop()}`;
  writeFileSync(join(out, 'content', template.kind, name), text);
}
console.error(`${count} documents written to ${join(out, 'content')}`);
