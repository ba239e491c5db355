/**
 * Photo bytes: PUT /api/attachments/{eventId}/{sha256} from the device that
 * sent (or is about to send) the event naming the photo; GET
 * /api/attachments/{sha256} for staff, within their scope (auth/scope.ts).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { MAX_PHOTO_BYTES } from '../../src/core/request';
import { acceptUpload } from '../attachments/upload';
import type { AppEnv, ServerDeps } from '../http/env';
import { httpError } from '../http/errors';
import { requireStaff, staffOf } from '../http/session';
import { can, type StaffUser } from '../auth/roles';
import { scopeOf } from '../auth/scope';
import type { Db } from '../db/types';

const putParams = z.strictObject({ eventId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const getParams = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

async function officerMaySee(db: Db, userId: string, sha256: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM request_photos p JOIN requests r ON r.id = p.request_id WHERE p.sha256 = $1 AND r.assigned_to = $2
     UNION ALL
     SELECT 1 FROM visit_photos p JOIN visits v ON v.id = p.visit_id WHERE p.sha256 = $1 AND v.officer_id = $2
     LIMIT 1`,
    [sha256, userId],
  );
  return rows.length > 0;
}

/**
 * An agent or manager with groups sees a photo only when a request of their
 * groups holds it (its own photos or a visit's): the scope of auth/scope.ts.
 */
async function groupsMaySee(db: Db, groups: readonly string[], sha256: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM (
       SELECT p.request_id FROM request_photos p WHERE p.sha256 = $1
       UNION ALL SELECT v.request_id FROM visit_photos p JOIN visits v ON v.id = p.visit_id WHERE p.sha256 = $1
     ) x JOIN requests r ON r.id = x.request_id JOIN services s ON s.service_code = r.service_code
     WHERE s.group_code = ANY($2::text[]) LIMIT 1`,
    [sha256, [...groups]],
  );
  return rows.length > 0;
}

async function staffMaySee(db: Db, staff: StaffUser, sha256: string): Promise<boolean> {
  // Officers see only photos of requests assigned to them and of their own visits.
  if (!can(staff, 'read_all')) return officerMaySee(db, staff.id, sha256);
  const { groups } = await scopeOf(db, staff);
  return groups === undefined || groupsMaySee(db, groups, sha256);
}

export function attachmentRoutes(deps: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.put(
    '/:eventId/:sha256',
    bodyLimit({ maxSize: MAX_PHOTO_BYTES, onError: (c) => c.json({ error: 'too_large' }, 413) }),
    async (c) => {
      const params = putParams.safeParse(c.req.param());
      if (!params.success) throw httpError(404, 'not_found');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const r = await acceptUpload(deps.db, deps.files, {
        eventId: params.data.eventId.toLowerCase(),
        sha256: params.data.sha256,
        bytes,
      });
      if (!r.ok) return c.json({ error: r.error }, r.status);
      return c.json({ sha256: params.data.sha256, type: r.type, size: r.size }, r.created ? 201 : 200);
    },
  );
  app.get('/:sha256', requireStaff(), async (c) => {
    const params = getParams.safeParse(c.req.param());
    if (!params.success) throw httpError(404, 'not_found');
    const [file] = await deps.db.query<{ type: string }>('SELECT type FROM files WHERE sha256 = $1', [
      params.data.sha256,
    ]);
    // Out of scope looks exactly like unknown.
    if (file && !(await staffMaySee(deps.db, staffOf(c), params.data.sha256)))
      throw httpError(404, 'not_found');
    const bytes = file ? await deps.files.get(params.data.sha256) : undefined;
    if (!file || !bytes) throw httpError(404, 'not_found');
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': file.type,
      'Cache-Control': 'private, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': 'inline',
    });
  });
  return app;
}
