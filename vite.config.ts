import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { sharedDexie } from './scripts/shared-dexie';

const apiTarget = `http://localhost:${process.env.API_PORT ?? '8787'}`;

/**
 * The rooms besides the citizen's (docs/architecture.md). A room's code is
 * src/routes/<room>/ plus any src/sync/<room>/ and src/db/<room>/ of its own;
 * each room is one lazily loaded chunk group in assets/<room>/, which the
 * precache leaves out, so a citizen's phone never downloads it.
 */
const LATER_ROOMS = ['staff', 'officer', 'kiosk', 'public'] as const;
/** Packages only one room uses, kept in that room's group (none today: uqr has its own, below). */
const ROOM_PACKAGES: Partial<Record<(typeof LATER_ROOMS)[number], string>> = {};
/**
 * The QR code (src/ui/Qr.tsx and uqr), drawn by the kiosk's receipt and the desk's
 * enrolment link: one chunk both rooms import, in assets/qr/, so neither fetches
 * the other's chunk and the precache (assets/*.js) leaves it out.
 */
const QR_CODE = /node_modules[\\/]uqr[\\/]|src[\\/]ui[\\/]Qr\.tsx$/;
/** A room's code, its English strings (src/i18n/locales/<room>/en.json) and its own packages. */
const roomCode = (room: (typeof LATER_ROOMS)[number]) => {
  const pkg = ROOM_PACKAGES[room];
  return new RegExp(
    `src[\\/]((routes|sync|db)[\\/]${room}[\\/]|i18n[\\/]locales[\\/]${room}[\\/]en\\.json)${pkg ? `|node_modules[\\/]${pkg}[\\/]` : ''}`,
  );
};

export default defineConfig({
  plugins: [
    sharedDexie({ emit: true }),
    solid(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'service-worker',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      // The manifest's PNG icons (10 KB) are for installing, which the browser
      // fetches itself when it offers it; nothing offline needs them.
      includeManifestIcons: false,
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
        // The worker imports the page's copy of Dexie instead of bundling its own.
        buildPlugins: { vite: [sharedDexie({ emit: false })] },
        // The shell and every citizen page, so any form opens offline from the
        // first visit. The default locale is inside the main chunk; other
        // locales and staff/officer chunks are cached at runtime when first used.
        // Not the favicon, nor the web manifest the plugin adds: the app works
        // offline without them, and the browser fetches them itself when it
        // wants them (first-visit budget: tests/e2e/budget.spec.ts).
        globPatterns: ['index.html', 'assets/*.{js,css}'],
      },
      devOptions: { enabled: false },
      integration: {
        // The plugin adds the web manifest to the precache after every transform.
        beforeBuildServiceWorker: (options) => {
          const entries = options.injectManifest.additionalManifestEntries ?? [];
          options.injectManifest.additionalManifestEntries = entries.filter(
            (e) => (typeof e === 'string' ? e : e.url) !== 'manifest.webmanifest',
          );
        },
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      output: {
        // Locales and the later rooms go to their own folders so the
        // precache can leave them out: they are cached when first used.
        // A room's stylesheet (named after its chunk) beside it, out of the precache too.
        assetFileNames: (asset) => {
          const room = LATER_ROOMS.find((r) => asset.names.some((n) => n.startsWith(r)));
          return room ? `assets/${room}/[name]-[hash][extname]` : 'assets/[name]-[hash][extname]';
        },
        chunkFileNames: (chunk) => {
          const id = chunk.facadeModuleId ?? '';
          if (id.includes('/src/i18n/locales/staff/')) return 'assets/staff/locales/[name]-[hash].js';
          if (id.includes('/src/i18n/locales/')) return 'assets/locales/[name]-[hash].js';
          if (chunk.name === 'qr') return 'assets/qr/[name]-[hash].js';
          const room = LATER_ROOMS.find((r) => chunk.name === r || roomCode(r).test(id));
          return room ? `assets/${room}/[name]-[hash].js` : 'assets/[name]-[hash].js';
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
            // The citizen pages opened after a submission (a request, My requests, Track,
            // Settings) in one chunk: they are all precached on a first visit, and each
            // file of its own cost about 0.4 KB of response headers on that visit.
            {
              name: 'pages',
              test: /src[\\/]routes[\\/]citizen[\\/](RequestPage|MyRequests|Track|Settings)\.tsx$|src[\\/]routes[\\/]citizen[\\/](request|requests)[\\/]/,
              includeDependenciesRecursively: false,
              priority: 1,
            },
            // Each later room in one chunk of its own, whatever its pages share, but without
            // the modules it imports: those the citizen pages use too (fields, formats) must
            // stay in the citizen's chunks, or a citizen's page would fetch the room's chunk
            // (which the precache leaves out, so the form broke offline).
            { name: 'qr', test: QR_CODE, priority: 2 },
            ...LATER_ROOMS.map((room) => ({
              name: room,
              test: roomCode(room),
              includeDependenciesRecursively: false,
              priority: 1,
            })),
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
