import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig: the one place that reads the environment', () => {
  it('defaults to the embedded database and a generated secret', () => {
    const c = loadConfig({});
    expect([c.databaseUrl, c.secretKey, c.port, c.hj212Port]).toEqual([null, null, 3000, 9212]);
  });

  it('refuses a weak ECER_SECRET_KEY and a bad port at start-up, naming each', () => {
    expect(() => loadConfig({ ECER_SECRET_KEY: 'short', PORT: 'x' })).toThrow(/PORT: [\s\S]*ECER_SECRET_KEY: 至少 16 个字符/);
    expect(loadConfig({ ECER_SECRET_KEY: 'a-long-enough-secret' }).secretKey).toBe('a-long-enough-secret');
  });
});
