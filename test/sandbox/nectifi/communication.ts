import { HttpError } from '../context';
import type { SandboxRequest } from '../http';
import { findGuest } from './crm';
import { ok, type NectifiEnv, type NectifiRoute } from './route';
import { EMAIL_TEMPLATES } from './state';
import { Checker, jsonBody, notFound, pathId } from './validate';
import { deliveryView } from './views';

function sendEmail(req: SandboxRequest, { st, now }: NectifiEnv) {
  const body = jsonBody(req);
  const c = new Checker('body');
  const guestId = c.int('guest_id', body.guest_id, { required: true });
  const slug = c.str('template_slug', body.template_slug, { required: true, min: 1, max: 100 });
  const variables = c.dict('variables', body.variables) ?? {};
  c.done();
  const guest = findGuest(st, guestId as number);
  if (!EMAIL_TEMPLATES.includes(slug as string)) throw notFound(`Template '${slug}'`);
  if (!guest.email) throw new HttpError(422, `Guest ${guest.id} has no email address`);
  const d = { request_id: st.nextEmailRequestId++, guest_id: guest.id, template_slug: slug as string, recipient: guest.email, variables, created_at: now };
  st.emails.set(d.request_id, d);
  req.applied = true;
  return ok({ request_id: d.request_id, status: 'queued' });
}

function delivery(req: SandboxRequest, { st, now }: NectifiEnv) {
  const d = st.emails.get(pathId(req, 'request_id'));
  if (!d) throw notFound('Delivery');
  return ok(deliveryView(d, now));
}

export const communicationRoutes: NectifiRoute[] = [
  { method: 'POST', path: '/communication/email/send', scope: 'communication:write', alt: ['communication.send'], handler: sendEmail },
  { method: 'GET', path: '/communication/deliveries/{request_id}', scope: 'communication:read', alt: ['communication.send'], handler: delivery },
];
