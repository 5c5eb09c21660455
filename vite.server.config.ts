// Build of the server: `vite build -c vite.server.config.ts` bundles the two Node entry points
// (src/server/main.ts, src/server/create-admin.ts) with src/shared into dist-server/ as plain ES
// modules for `node`. Every package in node_modules stays external and is loaded from there at
// run time (PGlite reads its wasm and data files from its own folder), so only our code is bundled.
import { isAbsolute } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  // Packages are external; nothing else (our own sources) is.
  ssr: { target: 'node', external: true },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-server',
    emptyOutDir: true,
    copyPublicDir: false,
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      input: { main: 'src/server/main.ts', 'create-admin': 'src/server/create-admin.ts' },
      // Bare specifiers (packages and node: built-ins) are never bundled.
      external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0'),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
