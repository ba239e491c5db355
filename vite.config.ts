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
/**
 * A room's code, its English strings (src/i18n/locales/<room>/en.json, the
 * room's own namespace) and the core modules only it uses
 * (src/core/<room>-*.ts). Left out of the group, such a module became a chunk
 * of its own that imported the room's chunk while the room's imported it: a
 * cycle, and the officer's schemas were undefined when the room started.
 */
const roomCode = (room: (typeof LATER_ROOMS)[number]) =>
  new RegExp(
    `src[\\/]((routes|sync|db)[\\/]${room}[\\/]|i18n[\\/]locales[\\/]${room}[\\/]en\\.json|core[\\/]${room}-[\\w-]+\\.ts$)`,
  );
/**
 * uqr draws QR codes for the citizen's, the kiosk's and the officer's receipts: a chunk of
 * its own that both rooms load, in assets/qr/, out of the precache like them.
 */
// A group of its own, above the rooms', so neither room's chunk holds it for the other.
const QR_CHUNK = { name: 'qr', test: /node_modules[\\/]uqr[\\/]/, priority: 3 };

/**
 * The citizen's pages after a submission, what only they use (else each page's
 * leftovers became a small file of their own), the not-found page and the update banner.
 */
const CITIZEN_PAGES =
  /src[\\/](routes[\\/]citizen[\\/]((RequestPage|MyRequests|Track|Settings)\.tsx$|(request|requests)[\\/])|db[\\/](outbox|feedback)\.ts$|sync[\\/]track\.ts$|ui[\\/]UpdateBanner\.tsx$|routes[\\/]NotFound\.tsx$)/;
/** The desk's pages, whose stylesheets go with its chunks. */
const STAFF_STYLES = /^(staff|StaffFrame|SignIn|Queue|RequestDesk|Intake|Templates)\b/;
/**
 * The catalog kept by managers (its list, editor and calls): few open it, so it is a chunk
 * of its own beside the desk's (in assets/staff/ like it) instead of growing the desk's.
 */
const STAFF_CATALOG =
  /src[\\/](routes[\\/]staff[\\/](Catalog\w*\.tsx$|catalog[\\/])|sync[\\/]staff[\\/]catalog\.ts$)/;
/** The notification offer (src/routes/citizen/notify/) and what only it uses. */
const PUSH_CODE = /src[\\/](routes[\\/]citizen[\\/]notify[\\/]|(db|sync|i18n)[\\/]push\.ts$)/;
/** "Remove my contact details" (src/routes/citizen/privacy/) and what only it uses. */
const PRIVACY_CODE =
  /src[\\/](routes[\\/]citizen[\\/]privacy[\\/]|sync[\\/]forget-contact\.ts$|i18n[\\/]privacy\.ts$)/;

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
        // A room's stylesheet (named after its chunk, or for the desk after its pages) beside
        // it, out of the precache too. (Once two keys: the second hid the first, and the
        // kiosk's stylesheet was precached on every citizen's first visit.)
        assetFileNames: (asset) => {
          const room = asset.names.some((n) => STAFF_STYLES.test(n))
            ? 'staff'
            : LATER_ROOMS.find((r) => asset.names.some((n) => n.startsWith(r)));
          return room ? `assets/${room}/[name]-[hash][extname]` : 'assets/[name]-[hash][extname]';
        },
        chunkFileNames: (chunk) => {
          const id = chunk.facadeModuleId ?? '';
          if (chunk.name === 'push') return 'assets/push/[name]-[hash].js';
          if (chunk.name === 'privacy') return 'assets/privacy/[name]-[hash].js';
          // A group's chunk has no facade module: its name says it is the desk's.
          if (chunk.name === 'staff-catalog') return 'assets/staff/[name]-[hash].js';
          if (id.includes('/src/i18n/locales/staff/')) return 'assets/staff/locales/[name]-[hash].js';
          if (id.includes('/src/i18n/locales/')) return 'assets/locales/[name]-[hash].js';
          if (chunk.name === QR_CHUNK.name) return 'assets/qr/[name]-[hash].js';
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
            // file of its own cost about 0.4 KB of response headers on that visit. So with
            // them what only they use, and the not-found page and the update banner.
            {
              name: 'pages',
              test: CITIZEN_PAGES,
              includeDependenciesRecursively: false,
              priority: 1,
            },
            // The request page's offer of notifications, with the Push API calls and its
            // strings' loader: one chunk in assets/push/, out of the precache (the first
            // visit's budget), cached when a request page first opens with push possible.
            {
              name: 'push',
              test: PUSH_CODE,
              includeDependenciesRecursively: false,
              priority: 1,
            },
            // "Remove my contact details" with its call and strings' loader: the same, in assets/privacy/.
            {
              name: 'privacy',
              test: PRIVACY_CODE,
              includeDependenciesRecursively: false,
              priority: 1,
            },
            // Above the desk's group (priority 1), so the desk's chunk leaves it out.
            {
              name: 'staff-catalog',
              test: STAFF_CATALOG,
              includeDependenciesRecursively: false,
              priority: 2,
            },
            // Each later room in one chunk of its own, whatever its pages share, but without
            // the modules it imports: those the citizen pages use too (fields, formats) must
            // stay in the citizen's chunks, or a citizen's page would fetch the room's chunk
            // (which the precache leaves out, so the form broke offline).
            ...LATER_ROOMS.map((room) => ({
              name: room,
              test: roomCode(room),
              includeDependenciesRecursively: false,
              priority: 1,
            })),
            QR_CHUNK,
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
