import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Builds the page from web/ into dist/web, which the API server serves at `/`. */
export default defineConfig({
  root: webRoot,
  base: '/',
  // gzip and brotli copies next to every text asset at build time; the server sends the one the
  // browser accepts (sirv's gzip/brotli options), so nothing is compressed per request.
  plugins: [compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024, logLevel: 'silent' })],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Cytoscape plus fcose are ~600 kB minified, one chunk (~190 kB gzip); the default warning limit would nag.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development, with the API server on :4000
    // (or wherever KGX_API points).
    proxy: { '/graphql': process.env.KGX_API ?? 'http://127.0.0.1:4000' },
  },
});
