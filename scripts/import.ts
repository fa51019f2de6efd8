/**
 * `npm run import -- FILE…`: what the archive reads from each original (PDF, ODT, DOCX, saved web
 * page), so a publisher can see why a document parsed as it did: the extracted text line by line
 * (with the PDF page each line starts on), the label each line starts with and its level
 * (壹、 1, 一、 2, (一) 3, 1. 4, (1) 5), what was left out as page furniture or site chrome, the
 * problems found, and the item tree the pipeline built. Exits 1 if a file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { importOriginal, originalFormat } from '../src/ingest/importers/index.ts';
import { processFile } from '../src/ingest/original.ts';
import { loadRegistries } from '../src/ingest/registries.ts';
import type { Item } from '../src/model/types.ts';
import { type LabelKind, RESOLUTION_MARKER, REPORT_SPEAKER, readLabel } from '../src/pipeline/labels.ts';

const LEVELS: Partial<Record<LabelKind, number>> = { heavenly: 1, cjk: 2, 'cjk-paren': 3, arabic: 4, 'arabic-paren': 5, circled: 6, ordinal: 2, bullet: 6 };

function describeLine(text: string): string {
  const label = readLabel(text);
  if (label) return `${label.text.trim()} level ${LEVELS[label.kind] ?? '?'} (${label.kind})`;
  if (RESOLUTION_MARKER.test(text)) return 'resolutions';
  if (REPORT_SPEAKER.test(text)) return 'report';
  return '';
}

function printTree(items: Item[], depth = 0): void {
  for (const item of items) {
    const page = 'page' in item && item.page ? ` p.${item.page}` : '';
    console.log(`${'  '.repeat(depth + 1)}${item.label}${item.title.slice(0, 40)}  [line ${item.line}${page}; ${item.resolutions.length} resolutions]`);
    printTree(item.items, depth + 1);
  }
}

function main(files: string[]): number {
  if (!files.length) {
    console.error('usage: npm run import -- FILE… (a .pdf, .odt, .docx, .html or .htm original)');
    return 2;
  }
  const registries = loadRegistries(join(process.cwd(), 'content'));
  let failed = 0;
  for (const file of files) {
    const path = relative(process.cwd(), resolve(file));
    if (!originalFormat(path)) {
      console.error(`${path}: not an original (expected .pdf, .odt, .docx, .html or .htm)`);
      failed++;
      continue;
    }
    const bytes = readFileSync(path);
    const started = performance.now();
    const imported = importOriginal(bytes, path);
    const ms = performance.now() - started;
    const pages = imported.pageCount ? `, ${imported.pageCount} pages (${(ms / imported.pageCount).toFixed(0)} ms a page)` : '';
    console.log(`# ${path}: ${imported.format.toUpperCase()}${pages}, read in ${ms.toFixed(0)} ms`);
    const lines = imported.text.split('\n').slice(0, -1);
    const width = String(lines.length).length;
    lines.forEach((line, index) => {
      const page = imported.pageOfLine ? `p.${String(imported.pageOfLine[index]).padEnd(3)} ` : '';
      const seen = describeLine(line);
      console.log(`${String(index + 1).padStart(width)} ${page}${seen ? `[${seen}] ` : ''}${line}`);
    });
    for (const text of imported.omitted ?? []) console.log(`left out: ${text}`);
    for (const message of imported.messages) console.log(`${message.fatal ? 'cannot read' : 'warning'}: ${message.reason}`);
    if (imported.messages.some((message) => message.fatal)) {
      failed++;
      continue;
    }
    const { document } = processFile(bytes, path, registries);
    console.log(`model: ${document.title} → ${document.url}`);
    printTree(document.items);
    for (const warning of document.warnings) console.log(warning);
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
