/**
 * PDF import speed: the sample originals (tests/fixtures/originals/*.pdf, 33 pages in 5 documents)
 * read by the PDF importer, after one warm-up pass (the reader thread's start and pdfjs's first
 * compile are reported apart), as the median of several rounds; beside them the same documents'
 * text files through the whole pipeline, to put the import in proportion. `npm run bench` prints
 * this line after its table; `node scripts/bench/pdf-import.ts [--rounds N]` runs it alone.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importOriginal } from '../../src/ingest/importers/index.ts';
import { processFile } from '../../src/ingest/original.ts';
import { loadRegistries } from '../../src/ingest/registries.ts';

export interface PdfImportFigures {
  documents: number;
  pages: number;
  /** The first PDF read in a fresh process: thread start, pdfjs load and compile included. */
  firstMs: number;
  /** Median of the rounds, all documents. */
  totalMs: number;
  msPerPage: number;
  msPerDocument: number;
  /** The same documents' text files through the whole pipeline (median, all documents). */
  textPipelineMs: number;
  perDocument: { name: string; pages: number; ms: number }[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function measurePdfImport(root: string, rounds = 5): PdfImportFigures {
  const folder = join(root, 'tests/fixtures/originals');
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.pdf'))
    .sort();
  const files = names.map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
  const first = performance.now();
  importOriginal(files[0]!.bytes, files[0]!.name);
  const firstMs = performance.now() - first;
  for (const file of files) importOriginal(file.bytes, file.name);
  const times = files.map(() => [] as number[]);
  const pages = files.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    files.forEach((file, index) => {
      const started = performance.now();
      const read = importOriginal(file.bytes, file.name);
      times[index]!.push(performance.now() - started);
      pages[index] = read.pageCount ?? 0;
    });
  }
  const perDocument = files.map((file, index) => ({ name: file.name, pages: pages[index]!, ms: median(times[index]!) }));
  const totalMs = perDocument.reduce((sum, document) => sum + document.ms, 0);
  const pageCount = pages.reduce((sum, n) => sum + n, 0);
  const registries = loadRegistries(join(root, 'tests/fixtures/archive/content'));
  const texts = readdirSync(join(root, 'tests/fixtures/archive/content'), { recursive: true })
    .map(String)
    .filter((path) => path.endsWith('.txt'))
    .map((path) => ({ path: `content/${path}`, bytes: readFileSync(join(root, 'tests/fixtures/archive/content', path)) }));
  const textRounds: number[] = [];
  for (let round = 0; round < rounds + 1; round++) {
    const started = performance.now();
    for (const text of texts) processFile(text.bytes, text.path, registries);
    if (round > 0) textRounds.push(performance.now() - started);
  }
  return {
    documents: files.length,
    pages: pageCount,
    firstMs,
    totalMs,
    msPerPage: totalMs / pageCount,
    msPerDocument: totalMs / files.length,
    textPipelineMs: median(textRounds),
    perDocument,
  };
}

/** The line `npm run bench` prints, with the share of a build of `documents` a tenth of which are PDFs. */
export function pdfImportLine(figures: PdfImportFigures, buildSeconds?: number, documents = 1000): string {
  const pdfs = documents / 10;
  // The parse pool runs one reader thread per worker: the import spreads over the cores like text parsing.
  const importSeconds = (pdfs * figures.msPerDocument) / 1000 / 2;
  const share = buildSeconds
    ? ` — a ${documents}-document build with ${pdfs} such PDFs: ~${importSeconds.toFixed(1)} s of import on 2 cores, ${((100 * importSeconds) / (buildSeconds + importSeconds)).toFixed(0)}% of ${(buildSeconds + importSeconds).toFixed(0)} s`
    : '';
  return (
    `PDF import: ${figures.msPerPage.toFixed(1)} ms a page, ${figures.msPerDocument.toFixed(0)} ms a document (${figures.documents} PDFs, ${figures.pages} pages, median of rounds; target ≤ 50 ms a page); ` +
    `first PDF of a process ${figures.firstMs.toFixed(0)} ms (reader thread and pdfjs start); the same documents as text through the whole pipeline: ${(figures.textPipelineMs / figures.documents).toFixed(0)} ms a document${share}`
  );
}

if (import.meta.main) {
  const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;
  const figures = measurePdfImport(process.cwd(), rounds);
  for (const document of figures.perDocument)
    console.log(`${document.name}: ${document.pages} pages, ${document.ms.toFixed(0)} ms, ${(document.ms / document.pages).toFixed(1)} ms a page`);
  // Alone, the share is of the 1,000-document build time README.md reports (`--build-seconds` for another).
  const buildSeconds = Number(process.argv[process.argv.indexOf('--build-seconds') + 1]) || 19;
  console.log(pdfImportLine(figures, buildSeconds));
}
