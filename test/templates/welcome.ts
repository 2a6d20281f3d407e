import type { Sandbox } from '../sandbox';
import { type TemplateSpec, holds, same } from '../../scripts/templates/spec';

interface WifiGuest {
  email: string;
  first_name: string;
  last_name: string;
}

function nectifiGuests(sandbox: Sandbox) {
  const table = sandbox.state.nectifi.guests;
  return Array.from({ length: table.maxId }, (_v, i) => table.get(i + 1)).filter((g) => g !== undefined);
}

/**
 * Six new SmartWiFi guests: three new to Nectifi, one already a Nectifi guest, one unsubscribed (the
 * trigger's Only Guests Who Accepted Marketing skips it, so the manual run's five are the others), one
 * without email.
 */
export const welcome: TemplateSpec<{ guests: WifiGuest[]; welcomed: WifiGuest[]; knownGuestId: number }> = {
  file: '1-wifi-welcome-hubspot-gmail.json',
  prepare(sandbox: Sandbox) {
    const known = nectifiGuests(sandbox).find((g) => g.email && g.location_id === 1) as { id: number; email: string };
    const add = (partial: Record<string, unknown>) => sandbox.insert.smartwifiGuest(partial) as unknown as WifiGuest;
    const guests = [add({}), add({ email: known.email, first_name: 'Renamed', last_name: 'Byhotspot' }), add({ unsubscribed: true }), add({ email: '' }), add({}), add({})];
    return { guests, welcomed: [guests[0], guests[1], guests[4], guests[5]], knownGuestId: known.id };
  },
  pinned: {
    'Create or update HubSpot contact': ({ welcomed }) =>
      welcomed.map((g, i) => ({ vid: 7100 + i, 'canonical-vid': 7100 + i, 'is-contact': true, properties: { email: { value: g.email }, firstname: { value: g.first_name }, lastname: { value: g.last_name } } })),
    'Send welcome email': ({ welcomed }) => welcomed.map((_g, i) => ({ id: `18c0ffee${i}`, threadId: `18c0ffee${i}`, labelIds: ['SENT'] })),
  },
  expect({ sandbox, fixture, run }) {
    const { welcomed, guests, knownGuestId } = fixture;
    const nectifi = nectifiGuests(sandbox);
    const byEmail = (email: string) => nectifi.filter((g) => g.email === email);
    const fullName = (g: WifiGuest) => `${g.first_name} ${g.last_name}`;
    return [
      same('Nectifi: created, updated, created, created', run.output('Create or update guest').map((g) => g.action), ['created', 'updated', 'created', 'created']),
      holds(
        'sandbox: the three new guests exist once each in Nectifi, with consent, at location 1',
        [welcomed[0], welcomed[2], welcomed[3]].every((w) => byEmail(w.email).length === 1 && byEmail(w.email)[0].marketing_consent === true && byEmail(w.email)[0].location_id === 1 && byEmail(w.email)[0].name === fullName(w)),
        [welcomed[0], welcomed[2], welcomed[3]].map((w) => JSON.stringify(byEmail(w.email).map((g) => [g.id, g.name, g.marketing_consent]))).join(' '),
      ),
      same('sandbox: the known guest was updated, not duplicated', byEmail(welcomed[1].email).map((g) => [g.id, g.name]), [[knownGuestId, fullName(welcomed[1])]]),
      holds('sandbox: no guest for the unsubscribed one', byEmail(guests[2].email).length === 0, guests[2].email),
      same('the trigger: the five newest guests but the unsubscribed one (Only Guests Who Accepted Marketing)', run.output('New WiFi guest').map((g) => g.email), [0, 1, 3, 4, 5].map((i) => guests[i].email)),
      same('HubSpot received the four guests', run.input('Create or update HubSpot contact').map((g) => g.email), welcomed.map((g) => g.email)),
      same('HubSpot: email and first name sent', run.resolved('Create or update HubSpot contact').map((r) => [r.email, r['additionalFields.firstName']]), welcomed.map((g) => [g.email, g.first_name])),
      same('Gmail: one welcome email to each', run.resolved('Send welcome email').map((r) => r.sendTo), welcomed.map((g) => g.email)),
      holds('Gmail: the subject names the guest', run.resolved('Send welcome email').every((r, i) => r.subject.includes(welcomed[i].first_name)), run.resolved('Send welcome email').map((r) => r.subject).join(' | ')),
    ];
  },
};
