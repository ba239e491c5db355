/**
 * POST requests: a service request from an Open311 client, form-encoded or
 * multipart with photo file parts. Order matters: the key is checked before
 * anything is said about the input, and the input before any photo is
 * stored. Photos never refuse a request (post-photos.ts): file parts that
 * pass the checks are attached at once, media_url links are fetched in the
 * background. Created through the same createRequest as the app's requests,
 * with channel 'api', in one transaction with its media jobs.
 */
import { uuidv7 } from '../../src/core/ids';
import { getJurisdiction, getService } from '../catalog/store';
import { enqueueMediaJobs } from '../media-jobs/queue';
import { createRequest } from '../requests/create';
import { checkJurisdiction, identify } from './access';
import type { Call } from './call';
import { badRequest, describeFieldErrors } from './errors';
import { param, parsePostForm } from './form';
import { readPostBody } from './post-body';
import { buildRequestFields } from './post-fields';
import { planPhotos } from './post-photos';
import { serviceNotice } from './records';
import { render, type Body } from './respond';
import { languageOf } from './services';

export async function postRequest(call: Call, req: Request): Promise<Body> {
  const { db } = call.deps;
  const body = await readPostBody(req);
  const caller = await identify(db, body.entries.find(([k]) => k === 'api_key')?.[1], true);
  const form = parsePostForm(body.entries);
  const jurisdiction = await getJurisdiction(db);
  checkJurisdiction(form.params.get('jurisdiction_id'), jurisdiction);
  const code = param(form, 'service_code');
  if (code === undefined) throw badRequest('service_code is required');
  const service = await getService(db, code);
  if (!service) throw badRequest(`service_code ${code} is not a service offered here`);
  const built = buildRequestFields(form, service, languageOf(param(form, 'locale')));
  if (!built.ok) throw badRequest(built.errors);

  // Made here: the request's source event, the id photo files are stored under, and its Open311 token.
  const eventId = uuidv7();
  const planned = await planPhotos(call, body.photos, form.mediaUrls, eventId);
  const fields = planned.photos.length > 0 ? { ...built.value, photos: planned.photos } : built.value;
  const now = call.deps.now();
  const newTracking = call.deps.newTracking;
  const result = await db.transaction(async (tx) => {
    const created = await createRequest(
      tx,
      { service, jurisdiction, secret: call.deps.secret, now, ...(newTracking ? { newTracking } : {}) },
      {
        sourceEventId: eventId,
        channel: 'api',
        fields,
        submittedAt: now,
        actor: caller.keyId ? { kind: 'api', keyId: caller.keyId } : { kind: 'api' },
        ...(form.mediaUrls[0] !== undefined ? { mediaUrl: form.mediaUrls[0] } : {}),
      },
    );
    if (created.ok) await enqueueMediaJobs(tx, created.request.id, planned.jobs, now);
    return created;
  });
  if (!result.ok) throw badRequest(describeFieldErrors(result.errors));
  const receipt = result.request.receipt;
  // The spec: a server that has the id at once returns it, and a token only when it has not.
  return render(call.format, 'service_requests', [
    {
      service_request_id: receipt.tracking,
      service_notice: [serviceNotice(receipt.due, service), ...planned.notes].join(' '),
      account_id: null,
    },
  ]);
}
