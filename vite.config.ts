import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

const apiTarget = `http://localhost:${process.env.API_PORT ?? '8787'}`;

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'service-worker',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: 'Civic Desk',
        short_name: 'Civic Desk',
        description: 'Ask your local government for a service and follow it to the end.',
        id: '/',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d4e89',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The shell and every citizen page, so any form opens offline from the
        // first visit. The default locale is inside the main chunk; other
        // locales and staff/officer chunks are cached at runtime when first used.
        globPatterns: ['index.html', 'assets/*.{js,css}', '*.svg'],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      output: {
        // Locales and staff/officer code go to their own folders so the
        // precache can leave them out: they are cached when first used.
        // The officer room's stylesheet stays with its chunk, out of the precache.
        assetFileNames: (asset) =>
          asset.names.some((n) => n.startsWith('officer'))
            ? 'assets/officer/[name]-[hash][extname]'
            : 'assets/[name]-[hash][extname]',
        chunkFileNames: (chunk) => {
          const id = chunk.facadeModuleId ?? '';
          if (id.includes('/src/i18n/locales/')) return 'assets/locales/[name]-[hash].js';
          if (chunk.name === 'officer' || /\/src\/(routes|sync|db)\/officer\//.test(id))
            return 'assets/officer/[name]-[hash].js';
          if (/\/src\/routes\/(staff|manager)\//.test(id)) return 'assets/staff/[name]-[hash].js';
          return 'assets/[name]-[hash].js';
        },
        // Chunks grouped by need (the budget: all JavaScript to open home and a
        // form ≤ 80 KB brotli, tests/e2e/budget.spec.ts). Left alone, rolldown
        // splits whatever a lazy page shares with the first page into small
        // chunks of their own, and each costs a request and compresses worse.
        codeSplitting: {
          groups: [
            // Everything the first page needs, in the entry chunk.
            { name: 'shell', tags: ['$initial'], priority: 2 },
            // A service's page and its form with what they import (fields, the
            // form's first step): opening a form is one more file. What a form
            // needs after its first step is a chunk of its own (src/forms/later.ts).
            {
              name: 'form',
              test: /src[\\/]routes[\\/]citizen[\\/](ServicePage|DraftPage)\.tsx$/,
              priority: 1,
            },
            // The officer's room (pages, its sync and database) in one chunk of its own.
            // uqr (QR codes) and the room's English words go with it, never to a citizen.
            {
              name: 'officer',
              test: /src[\\/](routes|sync|db)[\\/]officer[\\/]|node_modules[\\/]uqr[\\/]|locales[\\/]officer[\\/]en\.json$/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/open311': apiTarget,
    },
  },
});
