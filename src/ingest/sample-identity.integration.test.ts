/** `npm run check` reports a sample identity as the build does: a process, so an integration test. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../tests/fixtures/archive.ts';
import { sampleIdentityFields, sampleIdentityMessage } from './sample-identity.ts';
import { loadSiteIdentity } from './site-identity.ts';

const sample = loadSiteIdentity(join(ARCHIVE, 'content'));

describe('npm run check on the sample identity', () => {
  const check = (env: Record<string, string>) =>
    spawnSync(process.execPath, [resolve(import.meta.dirname, '../../scripts/check.ts')], { cwd: ARCHIVE, encoding: 'utf8', env: { ...process.env, ...env } });

  it('warns with the list the build ends with, and fails with STRICT=1 as a strict build does', () => {
    const list = sampleIdentityMessage(sampleIdentityFields(sample));
    const lenient = check({ STRICT: '0' });
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toContain(`warning: ${list}`);
    const strict = check({ STRICT: '1' });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain(`error: ${list}`);
    // SITE_URL sets the URL for check as for the build: the field drops out of the list.
    expect(check({ STRICT: '0', SITE_URL: 'https://minutes.gov.taipei' }).stderr).not.toContain('\n  url: ');
  });
});
