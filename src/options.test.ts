import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARD_SIZE, readBuildOptions } from './options.ts';

describe('readBuildOptions', () => {
  it('gives the defaults of a plain `npm run build`', () => {
    expect(readBuildOptions({})).toEqual({ base: '/', strict: false, cards: true, index: true, searchCache: true, shardSize: DEFAULT_SHARD_SIZE });
  });

  it('reads each variable the README names', () => {
    const options = readBuildOptions({
      BASE_PATH: 'minutes',
      SITE_URL: 'https://www.gov.taipei',
      ARCHIVE_STRICT: '1',
      ARCHIVE_THREADS: '1',
      OG_CARDS: '0',
      SEARCH_INDEX: 'skip',
      SEARCH_CACHE: '0',
      SEARCH_SHARD_SIZE: '500',
      SEARCH_JOBS: '2',
    });
    expect(options).toEqual({
      base: '/minutes/',
      site: 'https://www.gov.taipei',
      strict: true,
      threads: 1,
      cards: false,
      index: false,
      searchCache: false,
      shardSize: 500,
      shardJobs: 2,
    });
  });

  it('names every wrong variable and what it takes, instead of reading it some other way', () => {
    expect(() => readBuildOptions({ SEARCH_SHARD_SIZE: '0', STRICT: 'yes', SITE_URL: 'example.org' })).toThrow(
      /SITE_URL=example\.org: expected an http:\/\/ or https:\/\/ URL\nSTRICT=yes: .*\nSEARCH_SHARD_SIZE=0: expected a whole number of at least 1/,
    );
  });
});
