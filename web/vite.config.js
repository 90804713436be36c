import { defineConfig } from 'vite';

// The build goes to dist/, which is committed and compiled into the dyad binary (rust-embed),
// so every asset must be local: no CDN, no web fonts, no tile server.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npm run dev` proxies the API to a `dyad serve` on 8080.
    proxy: { '/v1': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
});
