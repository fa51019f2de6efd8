/**
 * `npm run check`: validates all content strictly, without building the site. It reads content/
 * through the same ingest function as the build (src/ingest/ingest.ts), so it reports exactly the
 * problems a `STRICT=1` build stops on. Prints each as `file:line:column message` and exits 1 if there
 * is any. A site.yaml still holding the sample identity is reported as the build reports it: a
 * warning, and a failure with STRICT=1.
 */
import { ingest } from '../src/ingest/ingest.ts';
import { RegistryError } from '../src/ingest/registries.ts';
import { publicSiteUrl, sampleIdentityFields, sampleIdentityMessage } from '../src/ingest/sample-identity.ts';
import { BuildOptionsError, readBuildOptions } from '../src/options.ts';

async function main(): Promise<number> {
  const started = Date.now();
  let run: Awaited<ReturnType<typeof ingest>>;
  let options: ReturnType<typeof readBuildOptions>;
  try {
    options = readBuildOptions();
    run = await ingest({ root: process.cwd(), threads: options.threads });
  } catch (error) {
    if (error instanceof RegistryError || error instanceof BuildOptionsError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  for (const problem of run.problems) console.log(problem);
  for (const note of run.notes) console.error(`note: ${note}`);
  const sample = sampleIdentityFields(run.site, publicSiteUrl(run.site, options));
  if (sample.length) console.error(`${options.strict ? 'error' : 'warning'}: ${sampleIdentityMessage(sample)}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const notes = run.notes.length ? `, ${run.notes.length} note${run.notes.length === 1 ? '' : 's'} on the sources as published` : '';
  console.error(`${run.sources} documents checked in ${seconds} s: ${run.problems.length ? `${run.problems.length} problems` : 'no problems'}${notes}`);
  if (!run.sources) {
    console.error('content/minutes and content/reports hold no documents');
    return 1;
  }
  return run.problems.length || (options.strict && sample.length) ? 1 : 0;
}

process.exitCode = await main();
