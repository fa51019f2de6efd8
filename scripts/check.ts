/**
 * `npm run check`: validates all content strictly, without building the site. It reads content/
 * through the same ingest function as the build (src/ingest/ingest.ts), so it reports exactly the
 * problems a `STRICT=1` build stops on. Prints each as `file:line:column message` and exits 1 if there
 * is any.
 */
import { ingest } from '../src/ingest/ingest.ts';
import { RegistryError } from '../src/ingest/registries.ts';
import { BuildOptionsError, readBuildOptions } from '../src/options.ts';

async function main(): Promise<number> {
  const started = Date.now();
  let run;
  try {
    run = await ingest({ root: process.cwd(), threads: readBuildOptions().threads });
  } catch (error) {
    if (error instanceof RegistryError || error instanceof BuildOptionsError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  for (const problem of run.problems) console.log(problem);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.error(`${run.sources} documents checked in ${seconds} s: ${run.problems.length ? `${run.problems.length} problems` : 'no problems'}`);
  if (!run.sources) {
    console.error('content/minutes and content/reports hold no documents');
    return 1;
  }
  return run.problems.length ? 1 : 0;
}

process.exitCode = await main();
