/** Starts Civic Desk: one process serving the app and the API. */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { readConfig } from './config';

const config = readConfig();
const app = createApp({ appDir: config.appDir });
serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Civic Desk is running at http://localhost:${info.port}`);
});
