/**
 * The Hono application: security headers and compression on everything (304s
 * and the app's scripts without what only documents read), the JSON API under
 * /api (CSRF guard, staff session and kiosk credential first), then the built
 * app (mountStatic last, so its catch-all never hides an API route).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import type { AppEnv, ServerDeps } from './http/env';
import { onError } from './http/errors';
import { csrfGuard, securityHeaders } from './http/security';
import { loadSession } from './http/session';
import { compressResponses, leanHeaders, measureTextAnswers } from './http/wire';
import { loadKiosk } from './kiosks/credential';
import { open311Routes } from './open311/routes';
import { adminNotificationRoutes } from './routes/admin-notifications';
import { attachmentRoutes } from './routes/attachments';
import { authRoutes } from './routes/auth';
import { catalogRoutes } from './routes/catalog';
import { e2eRoutes } from './routes/e2e';
import { officerRoutes } from './routes/officer';
import { kioskRoutes } from './routes/kiosk';
import { publicRoutes } from './routes/public-scorecard';
import { pushRoutes } from './routes/push';
import { requestRoutes } from './routes/requests';
import { staffAccessLogRoutes } from './routes/staff-access-log';
import { staffActionRoutes } from './routes/staff-actions';
import { staffAdminRoutes } from './routes/staff-admin';
import { staffDashboardRoutes } from './routes/staff-dashboard';
import { staffBulkRoutes } from './routes/staff-bulk';
import { staffIntakeRoutes } from './routes/staff-intake';
import { staffKioskRoutes } from './routes/staff-kiosks';
import { staffRequestRoutes } from './routes/staff-requests';
import { staffTemplateRoutes } from './routes/staff-templates';
import { staffCatalogRoutes } from './routes/staff-catalog';
import { stopRoutes } from './routes/stop';
import { MAX_SYNC_BODY, syncRoutes } from './routes/sync';
import { mountStatic } from './static';

export interface AppOptions {
  /** Folder with the built app; the API alone when absent (tests). */
  readonly appDir?: string;
  readonly deps: ServerDeps;
  /** Mount the test-only hooks of routes/e2e.ts (the server started with E2E=1). */
  readonly e2e?: boolean;
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  const { deps } = options;
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use('*', leanHeaders());
  app.use('*', securityHeaders());
  app.use('*', compressResponses(), measureTextAnswers());
  app.use('/api/*', csrfGuard(), loadSession(deps), loadKiosk(deps));
  // A ceiling for every API body; routes set tighter ones. Photos have their own (5 MB).
  app.use('/api/*', except('/api/attachments/*', bodyLimit({ maxSize: MAX_SYNC_BODY })));
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api/catalog', catalogRoutes(deps));
  app.route('/api/sync', syncRoutes(deps));
  app.route('/api/attachments', attachmentRoutes(deps));
  app.route('/api/kiosk', kioskRoutes(deps));
  app.route('/api/requests', requestRoutes(deps));
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/staff/requests', staffActionRoutes(deps));
  app.route('/api/staff/requests', staffRequestRoutes(deps));
  app.route('/api/staff/bulk', staffBulkRoutes(deps));
  app.route('/api/staff/intake', staffIntakeRoutes(deps));
  app.route('/api/staff/templates', staffTemplateRoutes(deps));
  app.route('/api/staff/kiosks', staffKioskRoutes(deps));
  app.route('/api/staff/catalog', staffCatalogRoutes(deps));
  app.route('/api/staff/notifications', adminNotificationRoutes(deps));
  app.route('/api/staff/dashboard', staffDashboardRoutes(deps));
  app.route('/api/staff/access-log', staffAccessLogRoutes(deps));
  app.route('/api/staff', staffAdminRoutes(deps));
  app.route('/api/officer', officerRoutes(deps));
  if (options.e2e) app.route('/api/e2e', e2eRoutes(deps));
  app.route('/api/push', pushRoutes(deps));
  app.route('/api/public', publicRoutes(deps));
  app.all('/api/*', (c) => c.json({ error: 'not_found' }, 404));
  // At /open311, not /open311/v2: FixMyStreet may glue 'requests.xml' straight onto '/open311/v2'.
  app.route('/open311', open311Routes(deps));
  // The one-click stop link in every message (HTML, and RFC 8058 form posts from mail programs).
  app.route('/stop', stopRoutes(deps));
  if (options.appDir !== undefined) mountStatic(app, options.appDir);
  return app;
}
