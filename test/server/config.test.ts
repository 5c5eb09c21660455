// Configuration: defaults, flags, and a clear message for each bad value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config';

describe('loadConfig', () => {
  it('has working defaults: port 8080, PGlite under ./data, demo data on, 2 MB JSON', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: null,
      demoData: true,
      jsonLimitBytes: 2 * 1024 * 1024,
      trustProxy: false,
      sessionIdleHours: 72,
      sessionMaxDays: 14,
    });
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.staticDir).toMatch(/\/dist$/);
  });

  it('reads overrides, DEMO_DATA=off and --no-demo', () => {
    const c = loadConfig({
      PORT: '9000',
      DEMO_DATA: 'off',
      TRUST_PROXY: '1',
      DATABASE_URL: 'postgres://u@h:5432/db',
      JSON_LIMIT_BYTES: '4096',
    });
    expect(c).toMatchObject({
      port: 9000,
      demoData: false,
      trustProxy: true,
      databaseUrl: 'postgres://u@h:5432/db',
      jsonLimitBytes: 4096,
    });
    expect(loadConfig({ DEMO_DATA: 'on' }, ['--no-demo']).demoData).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535, got 70000'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA must be "on" or "off", got "maybe"'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL must start with postgres:// or postgresql://, got "mysql://"'],
    [{ SESSION_MAX_DAYS: '0' }, 'SESSION_MAX_DAYS must be between 1 and 365, got 0'],
  ])('rejects %o with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });

  it('rejects unknown command-line arguments', () => {
    expect(() => loadConfig({}, ['--demo'])).toThrow('Unknown argument: --demo');
  });
});
