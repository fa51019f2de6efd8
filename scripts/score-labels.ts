/**
 * `node scripts/score-labels.ts [labels.json] [--content dir]`: runs the pipeline on the documents a
 * label file names and prints addressee, mention and topic precision and recall and the case
 * entries, then every miss (default labels: tests/fixtures/labels/resolutions.json; `--content`
 * names the folder holding agencies.yaml and topics.yaml, default `content`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegistries } from '../src/ingest/registries.ts';
import type { ArchiveDocument } from '../src/model/types.ts';
import { processSource } from '../src/pipeline/index.ts';
import { type LabelFile, formatScore, scoreLabels } from './labels/score.ts';

const root = process.cwd();
const { values, positionals } = parseArgs({ allowPositionals: true, options: { content: { type: 'string', default: 'content' } } });
const labels = JSON.parse(readFileSync(positionals[0] ?? join(root, 'tests/fixtures/labels/resolutions.json'), 'utf8')) as LabelFile;
const registries = loadRegistries(join(root, values.content));
const documents = new Map<string, ArchiveDocument>();
for (const { source } of labels.documents) documents.set(source, processSource(readFileSync(join(root, source)), source, registries).document);
console.log(formatScore(scoreLabels(labels, documents)));
