/**
 * The synthetic archive: reads the real documents of a project's content/ through the one ingest
 * path (src/ingest/ingest.ts) and draws pools and templates from their document model, plans the
 * series and reports, and yields each generated document in turn (so the caller can write and report
 * progress as it goes). Everything random comes from one seeded stream, in a fixed order: the same
 * seed and the same content/ give the same documents, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.ts';
import { slugify } from '../../src/pipeline/enrich/identity.ts';
import { readSource } from '../../src/pipeline/read.ts';
import { type AgencyBook, createAgencyBook } from './agencies.ts';
import { addMinutes } from './minutes-pools.ts';
import { type SeriesPlan, planCorpus, rocYear } from './plan.ts';
import { createSeriesWriter } from './minutes.ts';
import { createCompiler } from './phrase.ts';
import { type Pools, emptyPools } from './pools.ts';
import { createRandom } from './random.ts';
import { type ReportTemplate, readReportTemplate, writeReport } from './report.ts';

export interface CorpusOptions {
  count: number;
  seed: string | number;
}

export interface CorpusDocument {
  /** Relative to the output folder: `content/minutes/…` or `content/reports/…`. */
  path: string;
  text: string;
  kind: 'minutes' | 'report';
}

export interface CorpusSummary {
  documents: number;
  minutes: number;
  reports: number;
  /** Meeting series, and agencies publishing reports (each a series of its own). */
  meetingSeries: number;
  reportSeries: number;
  /** Distinct agencies the documents hold meetings for, report for or name. */
  agencies: number;
}

export interface Sources {
  book: AgencyBook;
  pools: Pools;
  templates: ReportTemplate[];
  seriesSlugs: Map<string, string>;
  /** What ingest found wrong in content/ (`file:line:column message`); a document with problems is not drawn from. */
  problems: string[];
}

/** Reads the real documents and registries of the project `root`'s content/. */
export async function loadSources(root: string): Promise<Sources> {
  const run = await ingest({ root });
  const book = createAgencyBook(run.registries.data.agencies);
  const compile = createCompiler(book);
  const pools = emptyPools();
  const templates: ReportTemplate[] = [];
  for (const { path, document } of run.documents) {
    // Its problem (an agency the registry lacks) would be copied into every document drawn from it.
    if (document.warnings.length) continue;
    if (document.kind === 'minutes') addMinutes(pools, document, compile);
    else {
      // Where the parts are comes from the model; the lines as published come from the file.
      const template = readReportTemplate(document, String(readSource(readFileSync(join(root, path)), path).value), compile);
      if (template) templates.push(template);
    }
  }
  if (!pools.items.length || !pools.resolutions.length) throw new Error(`${join(root, 'content/minutes')} holds no minutes to draw items and resolutions from`);
  return { book, pools, templates, seriesSlugs: new Map(run.registries.data.series.map((entry) => [entry.name, entry.slug])), problems: run.problems };
}

/** Yields `count` documents drawn from `sources` (a project's content/, read by {@link loadSources}); returns what was generated. */
export function* generateCorpus(options: CorpusOptions, sources: Sources): Generator<CorpusDocument, CorpusSummary> {
  const { book, pools, templates } = sources;
  const random = createRandom(options.seed);
  // Without a real report to model on, every document is minutes.
  const plan = planCorpus(options.count, random, book, pools.anchors, templates.length > 0);
  const { reports } = plan;
  const mentioned = new Set<string>();
  let minutes = 0;
  for (const series of plan.series) {
    const write = createSeriesWriter(series, { book, pools, random, mentioned });
    for (let k = 1; k < series.sessions.length; k++) {
      const text = write(k);
      if (!series.sessions[k]!.published) continue;
      minutes++;
      yield { path: minutesPath(series, k, sources.seriesSlugs), text, kind: 'minutes' };
    }
  }
  for (const report of reports) {
    const text = writeReport(random.pick(templates), report, book, pools, random, mentioned);
    yield { path: join('content', 'reports', report.agency.slug, `${report.year}-h${report.half}.txt`), text, kind: 'report' };
  }
  return {
    documents: minutes + reports.length,
    minutes,
    reports: reports.length,
    meetingSeries: plan.series.length,
    reportSeries: new Set(reports.map((report) => report.agency.slug)).size,
    agencies: mentioned.size,
  };
}

function minutesPath(series: SeriesPlan, k: number, seriesSlugs: Map<string, string>): string {
  const session = series.sessions[k]!;
  const name = seriesSlugs.get(series.series) ?? slugify(series.series);
  const number = series.yearly ? `${rocYear(session.day)}-${String(session.number).padStart(2, '0')}` : String(session.number).padStart(4, '0');
  return join('content', 'minutes', series.holder?.slug ?? 'taipei', `${name}-${number}.txt`);
}
