// Configuration: defaults, flags, and a clear message for each bad value.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, devicePolicy, loadConfig } from '../../src/server/config';
import { DEFAULT_RISK_MATRIX } from '../../src/shared/providers/risk-matrix';

describe('loadConfig', () => {
  it('has working defaults: port 8080, PGlite under ./data, demo data on, 2 MB JSON', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: null,
      demoData: true,
      jsonLimitBytes: 2 * 1024 * 1024,
      trustProxy: { mode: 'off' },
      sessionIdleHours: 72,
      sessionMaxDays: 14,
      lockIdleMinutes: 5,
      unlockAttempts: 10,
      allowPin: false,
      deviceSentRetentionDays: 14,
      deviceReferenceRetentionDays: 30,
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
      trustProxy: { mode: 'hops', hops: 1 },
      databaseUrl: 'postgres://u@h:5432/db',
      jsonLimitBytes: 4096,
    });
    expect(loadConfig({ DEMO_DATA: 'on' }, ['--no-demo']).demoData).toBe(false);
  });

  it('reads TRUST_PROXY as off, a number of hops ("on" is one), or the proxies\' addresses', () => {
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toEqual({ mode: 'off' });
    expect(loadConfig({ TRUST_PROXY: 'on' }).trustProxy).toEqual({ mode: 'hops', hops: 1 });
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ mode: 'hops', hops: 2 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, ::1' }).trustProxy).toEqual({
      mode: 'addresses',
      proxies: ['10.0.0.0/8', '::1'],
    });
  });

  it('reads the device policy and hands it on in the shape devices are sent', () => {
    const c = loadConfig({
      LOCK_IDLE_MINUTES: '1440',
      UNLOCK_ATTEMPTS: '3',
      ALLOW_PIN: 'on',
      DEVICE_SENT_RETENTION_DAYS: '0',
      DEVICE_REFERENCE_RETENTION_DAYS: '3650',
    });
    expect(devicePolicy(c)).toEqual({
      lockIdleMinutes: 1440,
      unlockAttempts: 3,
      allowPin: true,
      sentRetentionDays: 0,
      referenceRetentionDays: 3650,
    });
    expect(devicePolicy(loadConfig({}))).toEqual({
      lockIdleMinutes: 5,
      unlockAttempts: 10,
      allowPin: false,
      sentRetentionDays: 14,
      referenceRetentionDays: 30,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535, got 70000'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA must be "on" or "off", got "maybe"'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL must start with postgres:// or postgresql://, got "mysql://"'],
    [{ SESSION_MAX_DAYS: '0' }, 'SESSION_MAX_DAYS must be between 1 and 365, got 0'],
    [
      { TRUST_PROXY: 'proxy.internal' },
      'TRUST_PROXY: "proxy.internal" is not an IP address or CIDR range; expected off, a number of proxy hops, or a comma list of proxy addresses',
    ],
    [{ TRUST_PROXY: '99' }, 'TRUST_PROXY: a number of proxy hops must be between 0 and 20, got 99'],
    [{ LOCK_IDLE_MINUTES: '0' }, 'LOCK_IDLE_MINUTES must be between 1 and 1440, got 0'],
    [{ LOCK_IDLE_MINUTES: '1441' }, 'LOCK_IDLE_MINUTES must be between 1 and 1440, got 1441'],
    [{ LOCK_IDLE_MINUTES: '2.5' }, 'LOCK_IDLE_MINUTES must be a whole number, got "2.5"'],
    [{ UNLOCK_ATTEMPTS: '2' }, 'UNLOCK_ATTEMPTS must be between 3 and 100, got 2'],
    [{ UNLOCK_ATTEMPTS: '101' }, 'UNLOCK_ATTEMPTS must be between 3 and 100, got 101'],
    [{ ALLOW_PIN: 'sometimes' }, 'ALLOW_PIN must be "on" or "off", got "sometimes"'],
    [{ DEVICE_SENT_RETENTION_DAYS: '-1' }, 'DEVICE_SENT_RETENTION_DAYS must be a whole number, got "-1"'],
    [{ DEVICE_SENT_RETENTION_DAYS: '3651' }, 'DEVICE_SENT_RETENTION_DAYS must be between 0 and 3650, got 3651'],
    [
      { DEVICE_REFERENCE_RETENTION_DAYS: '3651' },
      'DEVICE_REFERENCE_RETENTION_DAYS must be between 0 and 3650, got 3651',
    ],
  ])('rejects %o with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });

  it('schedules visits at levels 3-5 only (defaults 12, 6, 3 months) and reads the risk matrix from RISK_MATRIX_FILE', () => {
    const c = loadConfig({});
    expect(c.visitFrequencyMonths).toEqual({ 3: 12, 4: 6, 5: 3 });
    expect(c.riskMatrix).toEqual(DEFAULT_RISK_MATRIX);
    expect(loadConfig({ VISIT_FREQUENCY_MONTHS: '3:6,4:4,5:1' }).visitFrequencyMonths).toEqual({ 3: 6, 4: 4, 5: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'qa-visits-matrix-'));
    try {
      const file = join(dir, 'matrix.json');
      writeFileSync(file, JSON.stringify({ openComplaints: { amber: 1 }, baseLevel: { 'day-service': 2 } }));
      expect(loadConfig({ RISK_MATRIX_FILE: file }).riskMatrix).toEqual({
        ...DEFAULT_RISK_MATRIX,
        openComplaints: { amber: 1, red: null },
        baseLevel: { ...DEFAULT_RISK_MATRIX.baseLevel, 'day-service': 2 },
      });
      writeFileSync(file, JSON.stringify({ ambersMakeRed: 0 }));
      expect(() => loadConfig({ RISK_MATRIX_FILE: file })).toThrow(/^RISK_MATRIX_FILE: ambersMakeRed: /);
      writeFileSync(file, '{ not json');
      expect(() => loadConfig({ RISK_MATRIX_FILE: file })).toThrow(/^RISK_MATRIX_FILE: cannot read ".*" as JSON/);
      expect(() => loadConfig({ RISK_MATRIX_FILE: join(dir, 'missing.json') })).toThrow(ConfigError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses visit frequencies for levels 1 and 2, which have a desk review', () => {
    expect(() => loadConfig({ VISIT_FREQUENCY_MONTHS: '1:24,2:12,3:12,4:6,5:3' })).toThrow(
      new ConfigError(
        'VISIT_FREQUENCY_MONTHS: "1:24": levels 1 and 2 have an annual desk review and sample visits, not scheduled visits; give levels 3-5 only',
      ),
    );
    expect(() => loadConfig({ VISIT_FREQUENCY_MONTHS: '3:12,4:6' })).toThrow(
      new ConfigError('VISIT_FREQUENCY_MONTHS: no frequency for level 5'),
    );
  });

  it('counts deadlines in calendar days unless DEADLINE_DAYS says working, with the shipped bank holidays and BANK_HOLIDAYS_FILE', () => {
    expect(loadConfig({}).deadlineRules.dayCount).toBe('calendar');
    const working = loadConfig({ DEADLINE_DAYS: 'Working' }).deadlineRules;
    expect(working.dayCount).toBe('working');
    expect(working.bankHolidays).toContain('2026-12-28');
    expect(() => loadConfig({ DEADLINE_DAYS: 'weekdays' })).toThrow(
      new ConfigError('DEADLINE_DAYS must be "calendar" or "working", got "weekdays"'),
    );
    const dir = mkdtempSync(join(tmpdir(), 'qa-visits-holidays-'));
    try {
      const file = join(dir, 'bank-holidays.json');
      const govUk = (dates: string[]) => ({
        'england-and-wales': { division: 'england-and-wales', events: dates.map((date) => ({ title: 'x', date })) },
        scotland: { division: 'scotland', events: [{ title: 'St Andrew', date: '2031-12-01' }] },
      });
      writeFileSync(file, JSON.stringify(govUk(['2031-01-01', '2026-12-28'])));
      const added = loadConfig({ BANK_HOLIDAYS_FILE: file }).deadlineRules.bankHolidays;
      expect(added.at(-1)).toBe('2031-01-01');
      expect(added.filter((d) => d === '2026-12-28')).toHaveLength(1);
      expect(added).not.toContain('2031-12-01');
      writeFileSync(file, JSON.stringify({ scotland: {} }));
      expect(() => loadConfig({ BANK_HOLIDAYS_FILE: file })).toThrow(/^BANK_HOLIDAYS_FILE: expected GOV.UK's/);
      expect(() => loadConfig({ BANK_HOLIDAYS_FILE: join(dir, 'missing.json') })).toThrow(
        /^BANK_HOLIDAYS_FILE: cannot read/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects unknown command-line arguments', () => {
    expect(() => loadConfig({}, ['--demo'])).toThrow('Unknown argument: --demo');
  });
});
