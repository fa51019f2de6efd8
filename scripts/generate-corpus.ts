/**
 * `npm run corpus -- --count N --out DIR [--seed S]` (or, as other scripts call it, `… N DIR`):
 * writes a synthetic archive of N documents into DIR/content (minutes, reports, and a copy of the
 * registries and site pages of content/), so benchmarks and search evaluation can run at the scale of a real city archive.
 *
 * The documents are recombined from the real ones of content/, read through the same ingest as the
 * build and `npm run check` (scripts/corpus/): meeting series of the city and of ~40 agencies,
 * session after session, monthly over ~20 years for 10,000 documents (a larger count adds series,
 * ~450 at 100,000, over the same ~20 years), with items, resolutions and reports drawn from the real
 * minutes' model; only numbers, dates, agency names and the composition change. The same seed gives
 * byte-identical files.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateCorpus, loadSources } from './corpus/generate.ts';

interface Options {
  count: number;
  out: string;
  seed: string;
}

function parseArgs(args: string[]): Options {
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      named.set(name!, inline ?? args[++i] ?? '');
    } else positional.push(arg);
  }
  const count = Number(named.get('count') ?? positional[0] ?? 1000);
  if (!Number.isInteger(count) || count < 0) throw new Error(`--count must be a whole number, got “${named.get('count') ?? positional[0]}”`);
  return { count, out: named.get('out') ?? positional[1] ?? 'tmp/corpus', seed: named.get('seed') ?? '1' };
}

/** The marker that says a folder's documents were generated, so a new run may replace them. */
const MARKER = '.generated-corpus';

/** Empties the document folders of a previous run; refuses to touch documents this script did not write. */
function prepare(out: string): void {
  const content = join(out, 'content');
  const generated = existsSync(join(content, MARKER));
  for (const folder of ['minutes', 'reports']) {
    const path = join(content, folder);
    if (!existsSync(path) || !readdirSync(path).length) continue;
    if (!generated) throw new Error(`${path} already holds documents this script did not write: choose another folder`);
    rmSync(path, { recursive: true, force: true });
  }
  mkdirSync(content, { recursive: true });
  writeFileSync(join(content, MARKER), 'Documents in minutes/ and reports/ were written by scripts/generate-corpus.ts and are replaced by its next run.\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const root = process.cwd();
  const out = resolve(options.out);
  const started = performance.now();
  const sources = await loadSources(root);
  if (sources.problems.length) {
    for (const problem of sources.problems) process.stderr.write(`corpus: ${problem}\n`);
    process.stderr.write(`corpus: content/ has ${sources.problems.length} problems (npm run check lists them); documents with problems are not drawn from\n`);
  }
  prepare(out);
  // Registries (*.yaml) and the rest of content/ (site pages) come along, so DIR is a whole project content folder.
  for (const name of readdirSync(join(root, 'content'))
    .filter((entry) => entry !== 'minutes' && entry !== 'reports')
    .sort()) {
    cpSync(join(root, 'content', name), join(out, 'content', name), { recursive: true });
  }
  const folders = new Set<string>();
  const corpus = generateCorpus({ count: options.count, seed: options.seed }, sources);
  const step = Math.max(1000, Math.ceil(options.count / 10 / 1000) * 1000);
  let bytes = 0;
  let written = 0;
  let next = corpus.next();
  for (; !next.done; next = corpus.next()) {
    const path = join(out, next.value.path);
    const folder = dirname(path);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(path, next.value.text);
    bytes += Buffer.byteLength(next.value.text);
    if (++written % step === 0) process.stderr.write(`corpus: ${written} / ${options.count} documents\n`);
  }
  const summary = next.value;
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `corpus: ${summary.documents} documents (${summary.minutes} minutes, ${summary.reports} reports) in ${summary.meetingSeries} meeting series and ` +
      `${summary.reportSeries} report series, ${summary.agencies} agencies, ${(bytes / 1e6).toFixed(1)} MB ` +
      `(${Math.round(bytes / Math.max(1, summary.documents))} bytes each), seed ${options.seed}, ${seconds.toFixed(1)} s → ${join(out, 'content')}\n`,
  );
}

try {
  await main();
} catch (error) {
  process.stderr.write(`corpus: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
