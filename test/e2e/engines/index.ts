// The engines the cross-engine suite runs on. `E2E_ENGINES=webkit` (comma-separated) runs a subset.
import { chromiumLauncher } from './chromium';
import { webkitLauncher } from './webkit';
import { firefoxLauncher } from './firefox';
import type { EngineLauncher } from './driver';

const all: EngineLauncher[] = [chromiumLauncher, webkitLauncher, firefoxLauncher];

const wanted = process.env.E2E_ENGINES?.split(',')
  .map((e) => e.trim())
  .filter(Boolean);
export const engines = wanted ? all.filter((e) => wanted.includes(e.engine)) : all;
