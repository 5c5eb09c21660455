// The product version reported by /api/health, read once from package.json.
import { readFileSync } from 'node:fs';

export const APP_VERSION: string = (() => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
})();
