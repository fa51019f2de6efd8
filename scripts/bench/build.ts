/**
 * Runs a build step as a child process and measures it: wall time, `/usr/bin/time -v`'s maximum
 * RSS, the RSS of each process of its tree (./rss.ts), and every line it prints, timed on arrival
 * (Astro's own timestamps have whole seconds only). Then reads the stage times from those lines and
 * sizes the output folder.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type RssSummary, sampleRss } from './rss.ts';

export interface LogLine {
  /** Milliseconds since the step started. */
  ms: number;
  text: string;
}

export interface StepRun {
  wallMs: number;
  /** `Maximum resident set size` of /usr/bin/time -v: the largest process of the tree; undefined without /usr/bin/time. */
  timeMaxRssKb?: number;
  rss: RssSummary;
  lines: LogLine[];
  log: string;
}

export interface StepOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Where the step's whole output goes (Astro prints a line per page). */
  log: string;
  /** Lines worth repeating on the console as progress. */
  echo?: (line: string) => boolean;
}

const TIME = '/usr/bin/time';
const ANSI = /\x1b\[[0-9;]*m/g;
const HEARTBEAT_MS = 30_000;

/** Runs `command args…` under /usr/bin/time -v; rejects with the end of its output if it exits non-zero. */
export async function runStep(label: string, command: string, args: string[], options: StepOptions): Promise<StepRun> {
  const timeFile = `${options.log}.time`;
  const timed = existsSync(TIME);
  const child = timed
    ? spawn(TIME, ['-v', '-o', timeFile, command, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const started = performance.now();
  const sampler = sampleRss(child.pid!);
  const out = createWriteStream(options.log);
  const lines: LogLine[] = [];
  const collect = (stream: NodeJS.ReadableStream) => {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (raw) => {
      const text = raw.replace(ANSI, '');
      lines.push({ ms: performance.now() - started, text });
      out.write(`${text}\n`);
      if (options.echo?.(text)) console.log(`  ${label} │ ${text.trim()}`);
    });
  };
  collect(child.stdout!);
  collect(child.stderr!);
  // A 10,000-document build is long and sometimes quiet: say that it is alive and how big it is.
  const heartbeat = setInterval(() => {
    console.log(`  ${label} │ … ${Math.round((performance.now() - started) / 1000)} s, ${mb(sampler.currentKb())} MB resident`);
  }, HEARTBEAT_MS);
  let code: number;
  let rss: RssSummary;
  try {
    code = await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (status, signal) => resolve(status ?? (signal ? 128 : 1)));
    });
  } finally {
    clearInterval(heartbeat);
    rss = sampler.stop();
    await new Promise((resolve) => out.end(resolve));
  }
  const wallMs = performance.now() - started;
  if (code !== 0) {
    const tail = lines
      .slice(-40)
      .map((line) => line.text)
      .join('\n');
    throw new Error(
      `${label}: \`${[command, ...args].join(' ')}\` exited with ${code} after ${(wallMs / 1000).toFixed(1)} s; the end of ${options.log}:\n${tail}`,
    );
  }
  const time = timed && existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(time);
  return { wallMs, timeMaxRssKb: maxRss ? Number(maxRss[1]) : undefined, rss, lines, log: options.log };
}

export const mb = (kb: number) => (kb / 1024).toFixed(0);

/** Stage times in seconds, undefined when the line that gives one is missing. */
export interface Stages {
  /** Content sync: the documents loader's own line, else `[content] Syncing content` → `Synced content`. */
  loadS?: number;
  /** `[content] Syncing content` → `[content] Synced content`, as timed on arrival. */
  syncS?: number;
  /** Page generation: the `✓ Completed in …` after `generating static routes`. */
  renderS?: number;
  /** The outputs worker (src/outputs/worker.ts), beside the pages: the per-document files, the cards, the index. */
  filesS?: number;
  cardsS?: number;
  indexS?: number;
  /** What the build waited for the worker after the pages: the part of its work that the pages did not hide. */
  afterPagesS?: number;
  documents?: number;
  cardsDrawn?: number;
  cardsReused?: number;
}

const seconds = (value: string, unit: string) => Number(value) / (unit === 'ms' ? 1000 : 1);

/** Reads the stages from an Astro build's output (this project's loader and integrations, or stock Astro's). */
export function astroStages(lines: LogLine[]): Stages {
  const stages: Stages = {};
  const at = (pattern: RegExp, from = 0) => lines.findIndex((line, index) => index >= from && pattern.test(line.text));
  const syncing = at(/\[content\] Syncing content/);
  const synced = at(/\[content\] Synced content/, syncing + 1);
  if (syncing >= 0 && synced >= 0) stages.syncS = (lines[synced]!.ms - lines[syncing]!.ms) / 1000;
  for (const { text } of lines) {
    let match = /(\d+) documents \((\d+) parsed, (\d+) unchanged\) in (\d+) ms/.exec(text);
    if (match) [stages.documents, stages.loadS] = [Number(match[1]), Number(match[4]) / 1000];
    match = /wrote the data, search and source files of (\d+) documents in (\d+) ms/.exec(text);
    if (match) stages.filesS = Number(match[2]) / 1000;
    match = /indexed (\d+) documents for search in (\d+) ms/.exec(text);
    if (match) stages.indexS = Number(match[2]) / 1000;
    match = /drew (\d+) Open Graph cards and reused (\d+) from the cache in (\d+) ms/.exec(text);
    if (match) [stages.cardsDrawn, stages.cardsReused, stages.cardsS] = [Number(match[1]), Number(match[2]), Number(match[3]) / 1000];
    match = /outputs of (\d+) documents complete (\d+) ms after the pages/.exec(text);
    if (match) stages.afterPagesS = Number(match[2]) / 1000;
  }
  stages.loadS ??= stages.syncS;
  const generating = at(/generating static routes/);
  if (generating >= 0) {
    const completed = at(/✓ Completed in ([\d.]+)(ms|s)\b/, generating + 1);
    const match = completed >= 0 ? /✓ Completed in ([\d.]+)(ms|s)\b/.exec(lines[completed]!.text) : null;
    if (match) stages.renderS = seconds(match[1]!, match[2]!);
  }
  return stages;
}

export interface DistStats {
  files: number;
  bytes: number;
  /** HTML files: the site's pages. */
  pages: number;
  /** The search index: dist/pagefind (and pagefind-shards/), and dist/search (the search page and this project's search files). */
  indexFiles: number;
  indexBytes: number;
}

export function distStats(dist: string): DistStats {
  const stats: DistStats = { files: 0, bytes: 0, pages: 0, indexFiles: 0, indexBytes: 0 };
  for (const file of readdirSync(dist, { recursive: true }) as string[]) {
    const info = statSync(join(dist, file));
    if (!info.isFile()) continue;
    stats.files++;
    stats.bytes += info.size;
    if (file.endsWith('.html')) stats.pages++;
    if (/^(?:pagefind(?:-shards)?|search)[\\/]/.test(file)) {
      stats.indexFiles++;
      stats.indexBytes += info.size;
    }
  }
  return stats;
}
