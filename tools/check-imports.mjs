// `npm run lint` (after ESLint): fails when src/ has an import cycle, naming the files in each.
// Type-only and dynamic imports count (see import-graph.mjs). ARCHITECTURE.md, "Boundaries".
import { findCycles } from './import-graph.mjs';

const cycles = findCycles('src');
if (cycles.length > 0) {
  console.error(
    `Import cycles in src/ (${cycles.length}); break each by moving what both sides need into a third module:`,
  );
  for (const cycle of cycles) console.error(`  ${cycle.join(' <-> ')}`);
  process.exit(1);
}
console.log('No import cycles in src/.');
