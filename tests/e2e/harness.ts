/**
 * Shared helpers for the browser tests: build the site (once per base path per test file), serve a
 * built folder on loopback as a static host would, and launch Debian's Chromium through
 * playwright-core.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { ARCHIVE } from '../fixtures/archive.ts';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { type Served, serve } from '../../scripts/lib/static-host.ts';

/** The repository root. */
export const root = resolve(import.meta.dirname, '../..');

/**
 * The project the browser tests build by default: this repository's code with the sample archive of
 * the tests (tests/fixtures/archive/content), not content/, which a publisher replaces with their own.
 */
export const sample = join(root, 'tmp', 'e2e-sample');

/** The files of a project besides content/ and node_modules. */
const PROJECT_FILES = ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** Lays out `dir` as a project: this repository's code, the fixture archive's content/, node_modules shared. */
function layProject(dir: string): void {
  for (const entry of PROJECT_FILES) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  cpSync(join(ARCHIVE, 'content'), join(dir, 'content'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
}

/** (Re)creates the sample project from the current code; the global setup does it once per run. */
export function layOutSample(): void {
  rmSync(sample, { recursive: true, force: true });
  mkdirSync(sample, { recursive: true });
  layProject(sample);
}

/** What the global setup built, as a test sees it; nothing while the global setup itself runs. */
function builtBySetup(): string[] {
  try {
    return inject('sampleBuilt') ?? [];
  } catch {
    return [];
  }
}

/** The sample sites the global setup built (tests/e2e/global-setup.ts), by base path. */
export const SAMPLE_BASES = ['/', '/minutes-archive/'];

/**
 * Builds in progress or done, by base path and project. Vitest isolates test files, so this
 * saves repeated builds within a file only; `E2E_REUSE_BUILD=1` skips builds across runs.
 */
const builds = new Map<string, Promise<string>>();

/** What each build this process ran printed (stdout, then stderr), by output folder. */
const logs = new Map<string, string>();

/** The output of the build that wrote `outDir`, if this test file ran it (not with `E2E_REUSE_BUILD=1`). */
export const buildLog = (outDir: string): string | undefined => logs.get(resolve(outDir));

export interface BuildOptions {
  /** The base path the site is built for (`BASE_PATH`); default `/`. */
  base?: string;
  /** Where to write the site; default the project's `dist/` at `/`, `dist-<base>/` under a sub-path. */
  outDir?: string;
  /** The project to build, e.g. a copy with other files in `content/`; default this repository. */
  root?: string;
}

/** The environment of a build: the test runner's own Vite variables (BASE_URL, MODE…) would leak into it. */
export function buildEnv(base: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: base };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

/** A sub-path build goes beside dist/, not into it, so the root build stays as `npm run build` left it. */
function defaultOutDir(base: string, project: string): string {
  const name = base.replace(/\W+/g, '');
  return join(project, name ? `dist-${name}` : 'dist');
}

/**
 * Builds the site and returns the absolute folder it was written to. `buildSite('/minutes/')` and
 * `buildSite('/', project)` are shorthands for the options.
 */
export function buildSite(options: BuildOptions | string = {}, project?: string): Promise<string> {
  const { base = '/', root: projectRoot = project ?? sample, outDir: requested } = typeof options === 'string' ? { base: options } : options;
  const outDir = resolve(requested ?? defaultOutDir(base, projectRoot));
  const key = `${base}|${projectRoot}|${outDir}`;
  let build = builds.get(key);
  if (!build) {
    build = (async () => {
      if (process.env.E2E_REUSE_BUILD === '1' && existsSync(join(outDir, 'index.html'))) return outDir;
      // Built once for the whole run by the global setup.
      if (projectRoot === sample && !requested && builtBySetup().includes(base)) return outDir;
      const astro = join(root, 'node_modules/astro/bin/astro.mjs');
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [astro, 'build', '--root', projectRoot, '--outDir', outDir], {
          cwd: projectRoot,
          env: buildEnv(base),
          maxBuffer: 64 * 2 ** 20,
        });
        logs.set(outDir, `${stdout}\n${stderr}`);
      } catch (error) {
        const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
        // Astro logs some failures to stdout, so the end of it goes in too.
        const output = [stderr, stdout.slice(-4000)].filter(Boolean).join('\n') || String(error);
        throw new Error(`astro build (base ${base}, into ${outDir}) failed:\n${output}`);
      }
      return outDir;
    })();
    builds.set(key, build);
  }
  return build;
}

export { TYPES, type Resolved, type Served, resolveRequest, serve, siteHeaders } from '../../scripts/lib/static-host.ts';
export { launchBrowser } from '../../scripts/lib/browser.ts';

const copies: string[] = [];

/** A copy of the sample project, sharing node_modules, to drop files into; removed by {@link removeProjectCopies}. */
export function projectCopy(name: string): string {
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const project = mkdtempSync(join(root, 'tmp', `${name}-`));
  copies.push(project);
  layProject(project);
  return project;
}

export function removeProjectCopies(): void {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
}

/** Every HTML file of a built site, as absolute paths. */
export function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.html')).map((file) => join(dir, file));
}

export interface BuiltSite<I> {
  dist: string;
  site: Served;
  browser: Browser;
  /** The built `data/index.json`. */
  index: I;
}

/** The sample archive built at `/`, served, with Chromium open: what the browser tests of the published site start from. */
export async function openBuiltSite<I>(): Promise<BuiltSite<I>> {
  const dist = await buildSite('/');
  const site = await serve(dist);
  const browser = await launchBrowser();
  return { dist, site, browser, index: JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8')) as I };
}

/** The viewport of the phone the reading and finding tests hold: 360 px wide, as the smallest common Android phones. */
export const PHONE = { width: 360, height: 740 };

type ContextOptions = Parameters<Browser['newContext']>[0];

/**
 * Opens site paths on a phone, each in a fresh browser context (its own cache and storage, as a new
 * visitor), with `options` for one page (no JavaScript, clipboard permissions…); `close` ends them all.
 */
export function phoneOpener(browser: () => Browser, base: () => string) {
  const contexts: BrowserContext[] = [];
  return {
    async open(path: string, options: ContextOptions = {}): Promise<Page> {
      const context = await browser().newContext({ viewport: PHONE, ...options });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(new URL(path.replace(/^\//, ''), base()).href);
      return page;
    },
    async close(): Promise<void> {
      for (const context of contexts.splice(0)) await context.close();
    },
  };
}
