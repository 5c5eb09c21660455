// Server configuration from the environment. Owns defaults and validation: a bad value stops the
// server at start with a message naming the variable, rather than surfacing later as odd behaviour.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DevicePolicy } from '../shared/auth/schema';
import { parseVisitFrequencies, type VisitFrequencies } from '../shared/briefings/visit-due';
import { DEFAULT_RISK_MATRIX, parseRiskMatrix, type RiskMatrix } from '../shared/providers/risk-matrix';
import { type TrustProxy, parseTrustProxy } from './http/client-address';
import type { DeadlineRules } from '../shared/deadlines';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, parseGovUkBankHolidays } from './deadlines/bank-holidays';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database lives in `${dataDir}/db`. */
  databaseUrl: string | null;
  demoData: boolean;
  jsonLimitBytes: number;
  /**
   * The reverse proxies in front (TRUST_PROXY): none, a number of hops, or their addresses. Decides
   * which X-Forwarded-For entry is the client and whether X-Forwarded-Proto/-Host are believed.
   */
  trustProxy: TrustProxy;
  sessionIdleHours: number;
  sessionMaxDays: number;
  staticDir: string;
  /** Monitoring level (3-5) → months between visits (VISIT_FREQUENCY_MONTHS); levels 1-2 have a desk review. */
  visitFrequencyMonths: VisitFrequencies;
  /** The council's risk matrix (RISK_MATRIX_FILE, a JSON file; the defaults when unset). */
  riskMatrix: RiskMatrix;
  /**
   * How deadline days are counted (DEADLINE_DAYS: calendar, the default, or working) and the bank
   * holidays working days skip (the shipped England and Wales list, plus BANK_HOLIDAYS_FILE).
   */
  deadlineRules: DeadlineRules;
  /** After this many days the app warns that a briefing may be out of date. */
  briefingStaleDays: number;
  /** Largest attachment accepted, in bytes (docs/sync-contract.md: 15 MB). */
  attachmentLimitBytes: number;
  /** Largest image accepted, in pixels (width × height): refuses decompression bombs. */
  maxImagePixels: number;
  /** Minutes without use before the app locks on the device (LOCK_IDLE_MINUTES). */
  lockIdleMinutes: number;
  /** Wrong unlock tries before the device wipes its data (UNLOCK_ATTEMPTS). */
  unlockAttempts: number;
  /** Whether a person may unlock with a PIN instead of the password (ALLOW_PIN). */
  allowPin: boolean;
  /** Days a sent record and its photos stay on a device unless returned (DEVICE_SENT_RETENTION_DAYS). */
  deviceSentRetentionDays: number;
  /** Days briefings and reference data stay on a device without a refresh (DEVICE_REFERENCE_RETENTION_DAYS). */
  deviceReferenceRetentionDays: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'on', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'off', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${raw}"`);
}

function databaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return raw;
}

function frequencies(env: Env): VisitFrequencies {
  const parsed = parseVisitFrequencies(env.VISIT_FREQUENCY_MONTHS?.trim() || '3:12,4:6,5:3');
  if (typeof parsed === 'string') throw new ConfigError(`VISIT_FREQUENCY_MONTHS: ${parsed}`);
  return parsed;
}

/** A configuration file named by the variable `name`, parsed as JSON; unreadable or invalid stops the start. */
function readJsonFile(name: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (error) {
    throw new ConfigError(`${name}: cannot read "${file}" as JSON (${(error as Error).message})`);
  }
}

function riskMatrix(env: Env): RiskMatrix {
  const file = env.RISK_MATRIX_FILE?.trim();
  if (!file) return DEFAULT_RISK_MATRIX;
  const parsed = parseRiskMatrix(readJsonFile('RISK_MATRIX_FILE', file));
  if (typeof parsed === 'string') throw new ConfigError(`RISK_MATRIX_FILE: ${parsed}`);
  return parsed;
}

function deadlineRules(env: Env): DeadlineRules {
  const dayCount = env.DEADLINE_DAYS?.trim().toLowerCase() || 'calendar';
  if (dayCount !== 'calendar' && dayCount !== 'working')
    throw new ConfigError(`DEADLINE_DAYS must be "calendar" or "working", got "${dayCount}"`);
  const file = env.BANK_HOLIDAYS_FILE?.trim();
  let added: string[] = [];
  if (file) {
    const parsed = parseGovUkBankHolidays(readJsonFile('BANK_HOLIDAYS_FILE', file));
    if (typeof parsed === 'string') throw new ConfigError(`BANK_HOLIDAYS_FILE: ${parsed}`);
    added = parsed;
  }
  const bankHolidays = [...new Set([...ENGLAND_AND_WALES_BANK_HOLIDAYS, ...added])].sort();
  return { dayCount, bankHolidays };
}

function trustProxy(env: Env): TrustProxy {
  const parsed = parseTrustProxy(env.TRUST_PROXY);
  if (typeof parsed === 'string') throw new ConfigError(`TRUST_PROXY: ${parsed}`);
  return parsed;
}

/** The council's rules for data on devices, as sign-in, GET /api/session and every pull send them. */
export function devicePolicy(config: Config): DevicePolicy {
  return {
    lockIdleMinutes: config.lockIdleMinutes,
    unlockAttempts: config.unlockAttempts,
    allowPin: config.allowPin,
    sentRetentionDays: config.deviceSentRetentionDays,
    referenceRetentionDays: config.deviceReferenceRetentionDays,
  };
}

/** Reads and validates the configuration; `argv` may carry `--no-demo`. Throws ConfigError. */
export function loadConfig(env: Env = process.env, argv: readonly string[] = []): Config {
  const dataDir = resolve(env.DATA_DIR?.trim() || './data');
  // This machine only, unless the council says otherwise (issue 17): demo passwords are on by
  // default, and the network should reach the server through the HTTPS proxy in front of it.
  const host = env.HOST?.trim() || '127.0.0.1';
  const unknownArgs = argv.filter((a) => a !== '--no-demo');
  if (unknownArgs.length > 0)
    throw new ConfigError(`Unknown argument: ${unknownArgs.join(' ')} (only --no-demo is accepted)`);
  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host,
    dataDir,
    databaseUrl: databaseUrl(env),
    demoData: argv.includes('--no-demo') ? false : flag(env, 'DEMO_DATA', true),
    jsonLimitBytes: int(env, 'JSON_LIMIT_BYTES', 2 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    trustProxy: trustProxy(env),
    sessionIdleHours: int(env, 'SESSION_IDLE_HOURS', 72, 1, 24 * 365),
    sessionMaxDays: int(env, 'SESSION_MAX_DAYS', 14, 1, 365),
    staticDir: resolve(env.STATIC_DIR?.trim() || './dist'),
    visitFrequencyMonths: frequencies(env),
    riskMatrix: riskMatrix(env),
    deadlineRules: deadlineRules(env),
    briefingStaleDays: int(env, 'BRIEFING_STALE_DAYS', 7, 1, 365),
    attachmentLimitBytes: int(env, 'ATTACHMENT_LIMIT_BYTES', 15 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    maxImagePixels: int(env, 'MAX_IMAGE_PIXELS', 40_000_000, 1, 1_000_000_000),
    lockIdleMinutes: int(env, 'LOCK_IDLE_MINUTES', 5, 1, 1440),
    // At least 3 (the shared DevicePolicy's floor): fewer would wipe a device over a typo or two.
    unlockAttempts: int(env, 'UNLOCK_ATTEMPTS', 10, 3, 100),
    allowPin: flag(env, 'ALLOW_PIN', false),
    // 0 is allowed: a council may want nothing sent kept on a tablet beyond the next start.
    deviceSentRetentionDays: int(env, 'DEVICE_SENT_RETENTION_DAYS', 14, 0, 3650),
    deviceReferenceRetentionDays: int(env, 'DEVICE_REFERENCE_RETENTION_DAYS', 30, 0, 3650),
  };
}
