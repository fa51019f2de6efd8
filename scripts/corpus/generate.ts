/**
 * The synthetic archive: reads the real documents of a project's content/ into pools and templates,
 * plans the series and reports, and yields each generated document in turn (so the caller can write
 * and report progress as it goes). Everything random comes from one seeded stream, in a fixed order:
 * the same seed and the same content/ give the same documents, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistryData } from '../../src/ingest/registries.ts';
import { listSources } from '../../src/ingest/sources.ts';
import { slugify } from '../../src/pipeline/enrich/identity.ts';
import { readSource } from '../../src/pipeline/read.ts';
import { type AgencyBook, createAgencyBook } from './agencies.ts';
import { type SeriesPlan, planCorpus, rocYear } from './plan.ts';
import { createSeriesWriter } from './minutes.ts';
import { createCompiler } from './phrase.ts';
import { type Pools, emptyPools } from './pools.ts';
import { addMinutes } from './read-minutes.ts';
import { createRandom } from './random.ts';
import { type ReportTemplate, readReportTemplate, writeReport } from './report.ts';

export interface CorpusOptions {
  count: number;
  seed: string | number;
  /** The project whose content/ holds the real documents and registries. */
  root: string;
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
}

/** Reads the real documents and registries of a project's content/. */
export function loadSources(root: string): Sources {
  const registry = loadRegistryData(join(root, 'content'));
  const book = createAgencyBook(registry.agencies);
  const compile = createCompiler(book);
  const pools = emptyPools();
  const templates: ReportTemplate[] = [];
  for (const path of listSources(root)) {
    const text = String(readSource(readFileSync(join(root, path)), path).value);
    if (path.startsWith(join('content', 'reports'))) {
      const template = readReportTemplate(text, book, compile);
      if (template) templates.push(template);
    } else addMinutes(pools, text, book, compile);
  }
  if (!pools.items.length || !pools.resolutions.length) throw new Error(`${join(root, 'content/minutes')} holds no minutes to draw items and resolutions from`);
  return { book, pools, templates, seriesSlugs: new Map(registry.series.map((entry) => [entry.name, entry.slug])) };
}

/** Yields `count` documents; returns what was generated. */
export function* generateCorpus(options: CorpusOptions, sources = loadSources(options.root)): Generator<CorpusDocument, CorpusSummary> {
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
