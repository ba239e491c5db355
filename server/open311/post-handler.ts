/**
 * POST requests: a form-encoded service request from an Open311 client.
 * Order matters: the key is checked before anything is said about the input,
 * the input is checked before any media_url is fetched, and photos are
 * stored before the request that names them. Created through the same
 * createRequest as the app's requests, with channel 'api'.
 */
import { uuidv7 } from '../../src/core/ids';
import { MAX_PHOTOS, type PhotoRef } from '../../src/core/request';
import { acceptUpload } from '../attachments/upload';
import { getJurisdiction, getService } from '../catalog/store';
import { createRequest } from '../requests/create';
import { checkJurisdiction, identify } from './access';
import type { Call } from './call';
import { badRequest, describeFieldErrors } from './errors';
import { param, parsePostForm } from './form';
import { fetchMedia, MediaError } from './media';
import { buildRequestFields } from './post-fields';
import { serviceNotice } from './records';
import { render, type Body } from './respond';
import { languageOf } from './services';

/** The body as (name, value) pairs: urlencoded as the spec says, multipart as some clients send. */
export async function formEntries(req: Request): Promise<[string, string][]> {
  const type = req.headers.get('content-type') ?? '';
  if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type))
    return [...new URLSearchParams(await req.text()).entries()];
  if (/^multipart\/form-data\s*;/i.test(type)) {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw badRequest('the multipart body could not be read');
    }
    const out: [string, string][] = [];
    for (const [k, v] of form.entries()) {
      if (typeof v !== 'string') throw badRequest(`${k}: files are not accepted; send photos as media_url`);
      out.push([k, v]);
    }
    return out;
  }
  throw badRequest('send the request form-encoded (application/x-www-form-urlencoded)');
}

async function fetchPhotos(call: Call, urls: readonly string[], eventId: string): Promise<PhotoRef[]> {
  if (urls.length > MAX_PHOTOS) throw badRequest(`at most ${MAX_PHOTOS} media_url values`);
  const photos: PhotoRef[] = [];
  for (const url of urls) {
    let media;
    try {
      media = await fetchMedia(url, call.deps.media);
    } catch (err) {
      if (err instanceof MediaError) throw badRequest(err.message);
      throw err;
    }
    const stored = await acceptUpload(call.deps.db, call.deps.files, {
      eventId,
      sha256: media.photo.sha256,
      bytes: media.bytes,
    });
    if (!stored.ok) throw badRequest(`media_url was refused (${stored.error})`);
    if (!photos.some((p) => p.sha256 === media.photo.sha256)) photos.push(media.photo);
  }
  return photos;
}

export async function postRequest(call: Call, req: Request): Promise<Body> {
  const { db } = call.deps;
  const entries = await formEntries(req);
  const caller = await identify(db, entries.find(([k]) => k === 'api_key')?.[1], true);
  const form = parsePostForm(entries);
  const jurisdiction = await getJurisdiction(db);
  checkJurisdiction(form.params.get('jurisdiction_id'), jurisdiction);
  const code = param(form, 'service_code');
  if (code === undefined) throw badRequest('service_code is required');
  const service = await getService(db, code);
  if (!service) throw badRequest(`service_code ${code} is not a service offered here`);
  const built = buildRequestFields(form, service, languageOf(param(form, 'locale')));
  if (!built.ok) throw badRequest(built.errors);

  // Made here, it is both the request's source event and the Open311 token.
  const eventId = uuidv7();
  const photos = await fetchPhotos(call, form.mediaUrls, eventId);
  const fields = photos.length > 0 ? { ...built.value, photos } : built.value;
  const now = call.deps.now();
  const newTracking = call.deps.newTracking;
  const result = await db.transaction((tx) =>
    createRequest(
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
    ),
  );
  if (!result.ok) throw badRequest(describeFieldErrors(result.errors));
  const receipt = result.request.receipt;
  return render(call.format, 'service_requests', [
    {
      service_request_id: receipt.tracking,
      service_notice: serviceNotice(receipt.due, service),
      account_id: null,
      token: eventId,
    },
  ]);
}
