// Build of the field app: Preact, and a small injectManifest service worker that precaches the
// app shell so the app cold-starts with no network. Updates are prompted, never auto-applied.
// Last, every compressible file gets brotli and gzip siblings for the server to send
// (scripts/precompress.ts); the service worker's precache list never names them.
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressPlugin } from './scripts/precompress.ts';

/**
 * For vite-plugin-pwa's own build of the service worker: the plugin (2.0) asks for one chunk with
 * Rollup's `inlineDynamicImports`, which Vite 8's Rolldown names `codeSplitting: false` and warns
 * about on every build (and so in `npm start`). The same request under the new name.
 */
function serviceWorkerInOneChunk(): Plugin {
  return {
    name: 'qa-visits:sw-one-chunk',
    config(config) {
      const output = config.build?.rollupOptions?.output;
      if (!output || Array.isArray(output) || !('inlineDynamicImports' in output)) return;
      const { inlineDynamicImports, ...rest } = output;
      config.build!.rollupOptions!.output = { ...rest, codeSplitting: !inlineDynamicImports };
    },
  };
}

export default defineConfig({
  build: { target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app/sw',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      includeAssets: ['favicon.ico', 'icons/*.png', 'icons/*.svg'],
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest}'],
        // The precompressed siblings are another coding of a listed file, not files to cache.
        globIgnores: ['**/node_modules/**/*', '**/*.br', '**/*.gz'],
        buildPlugins: { vite: [serviceWorkerInOneChunk()] },
      },
      manifest: {
        id: '/',
        name: 'QA Visits',
        short_name: 'QA Visits',
        description: 'Quality monitoring visits for council commissioners — works with no signal.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0b3d5c',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
    precompressPlugin(),
  ],
});
