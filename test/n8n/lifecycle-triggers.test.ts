import type { IDataObject } from 'n8n-workflow';
import type { Sandbox } from '../sandbox';
import { poll, workflowOf } from './support/contexts';
import { triggerNode } from './support/chain';
import type { CredentialStore } from './support/engine';
import { useEngineSandbox } from './support/sandbox';

/**
 * Lifecycle events through n8n's own poll context and static data, against the sandbox on the wall
 * clock. Returning Guest and Lapsed Guest wait for a visit (or a lapse) to be a look-back old (1
 * minute here, the option's minimum), so this file waits that long once for all of them.
 */
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let sandbox: Sandbox;
let credentials: CredentialStore;

useEngineSandbox((started, store) => {
  sandbox = started;
  credentials = store;
});

const trigger = triggerNode;
const ofGuest = (items: IDataObject[] | null, guest: unknown) => (items ?? []).filter((item) => item.guest_id === String(guest));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('Nectifi Visit Ended: nothing on activation, a session once it ends (with its duration), then nothing again; a manual run shows it', async () => {
  const node = trigger('nectifiPollingTrigger', { event: 'visitEnded' });
  const workflow = workflowOf([node]);
  const guest = sandbox.insert.nectifiGuest();
  const session = sandbox.insert.nectifiSession({ guest_id: guest.id, started_at: Date.now() - 10 * MINUTE });
  expect(await poll(workflow, node, credentials)).toBeNull();
  expect(ofGuest(await poll(workflow, node, credentials), guest.id)).toEqual([]);
  sandbox.insert.endNectifiSession(session.id as number);
  const ended = ofGuest(await poll(workflow, node, credentials), guest.id);
  expect(ended).toEqual([expect.objectContaining({ event_id: `visitEnded:${session.id}`, visit_id: String(session.id) })]);
  expect(ended[0].duration_seconds).toBeGreaterThanOrEqual(600);
  expect(ofGuest(await poll(workflow, node, credentials), guest.id)).toEqual([]);
  const sample = await poll(workflowOf([node]), node, credentials, 'manual');
  expect(sample!.map((item) => item.event_id)).toContain(`visitEnded:${session.id}`);
});

test('SmartWiFi Visit Ended: a finished connection, its online time as the duration', async () => {
  const node = trigger('smartWifiTrigger', { event: 'visitEnded' });
  const workflow = workflowOf([node]);
  expect(await poll(workflow, node, credentials)).toBeNull();
  const guest = sandbox.insert.smartwifiGuest();
  sandbox.insert.smartwifiConnection({ guesttoken: guest.token, date: Date.now() - 60 * MINUTE, online_time: '00:45:00' });
  const ended = ofGuest(await poll(workflow, node, credentials), guest.token);
  expect(ended).toEqual([expect.objectContaining({ duration_seconds: 2700 })]);
  expect(ofGuest(await poll(workflow, node, credentials), guest.token)).toEqual([]);
});

test('SmartWiFi Guest Birthday: today\'s birthdays are where the trigger starts; a guest added with a birthday today comes once', async () => {
  const today = new Date().toISOString().slice(5, 10);
  sandbox.insert.smartwifiGuest({ birthdate: `1985-${today}` });
  const node = trigger('smartWifiTrigger', { event: 'guestBirthday' });
  const workflow = workflowOf([node]);
  expect(await poll(workflow, node, credentials)).toBeNull();
  const guest = sandbox.insert.smartwifiGuest({ birthdate: `1990-${today}` });
  const year = new Date().getUTCFullYear();
  expect(await poll(workflow, node, credentials)).toEqual([expect.objectContaining({ event_id: `guestBirthday:${guest.id}:${year}-${today}`, age: year - 1990, days_before: 0 })]);
  expect(await poll(workflow, node, credentials)).toBeNull();
});

test('Nectifi Loyalty Tier Changed: a recent visitor\'s tier is read on activation, a change comes once with both tiers', async () => {
  const guest = sandbox.insert.nectifiGuest();
  sandbox.insert.nectifiSession({ guest_id: guest.id, started_at: Date.now() - 5 * MINUTE });
  // Checks enough guests per poll to reach this one among the sandbox's recent visitors at once.
  const node = trigger('nectifiPollingTrigger', { event: 'loyaltyTierChanged', watchDays: 1, checksPerPoll: 50 });
  const workflow = workflowOf([node]);
  expect(await poll(workflow, node, credentials)).toBeNull();
  const nectifi = sandbox.state.nectifi;
  nectifi.addLedger(guest.id as number, 6000, 'adjustment', 'tier test', null, Date.now());
  const changed = ofGuest(await poll(workflow, node, credentials), guest.id);
  expect(changed).toEqual([expect.objectContaining({ previous_tier: 'bronze', tier: 'platinum' })]);
  expect(String(changed[0].event_id)).toMatch(new RegExp(`^loyaltyTierChanged:${guest.id}:bronze:platinum:`));
  expect(ofGuest(await poll(workflow, node, credentials), guest.id)).toEqual([]);
});

test('New Guest with Only Guests Who Accepted Marketing (Nectifi): consenting guests only; the state moves past the others', async () => {
  const node = trigger('nectifiPollingTrigger', { event: 'newGuest', options: { onlyAcceptedMarketing: true } });
  const workflow = workflowOf([node]);
  expect(await poll(workflow, node, credentials)).toBeNull();
  const yes = sandbox.insert.nectifiGuest({ marketing_consent: true });
  sandbox.insert.nectifiGuest({ marketing_consent: false });
  expect((await poll(workflow, node, credentials))!.map((g) => g.id)).toEqual([yes.id]);
  expect(await poll(workflow, node, credentials)).toBeNull();
});

test('Returning Guest (Splash Air) and Lapsed Guest (Nectifi): each once, after the look-back, never on activation', async () => {
  const options = { lookBackMinutes: 1 };
  const returning = trigger('splashAirTrigger', { event: 'returningGuest', visitNumber: 2, countWindowDays: 30, options });
  const lapsed = trigger('nectifiPollingTrigger', { event: 'lapsedGuest', lapseDays: 1, options });
  const returningFlow = workflowOf([returning]);
  const lapsedFlow = workflowOf([lapsed]);
  // A Nectifi guest whose only visit turns a day old 20 s from now.
  const guest = sandbox.insert.nectifiGuest({ created_at: Date.now() - 2 * DAY });
  const last = sandbox.insert.nectifiSession({ guest_id: guest.id, started_at: Date.now() - DAY + 20_000, ended_at: Date.now() - DAY + 60_000 });
  expect(await poll(returningFlow, returning, credentials)).toBeNull();
  expect(await poll(lapsedFlow, lapsed, credentials)).toBeNull();
  const customer = sandbox.insert.splashCustomer();
  sandbox.insert.splashVisit({ customer_id: customer.id });
  const second = sandbox.insert.splashVisit({ customer_id: customer.id });
  sandbox.insert.splashVisit({ customer_id: customer.id });
  // Not yet a look-back old: nothing yet.
  expect(ofGuest(await poll(returningFlow, returning, credentials), customer.id)).toEqual([]);
  expect(ofGuest(await poll(lapsedFlow, lapsed, credentials), guest.id)).toEqual([]);
  await sleep(MINUTE + 25_000);
  const returned = ofGuest(await poll(returningFlow, returning, credentials), customer.id);
  expect(returned).toEqual([expect.objectContaining({ event_id: `returningGuest:${customer.id}:${second.id}`, visit_number: 2 })]);
  expect(ofGuest(await poll(returningFlow, returning, credentials), customer.id)).toEqual([]);
  const lapses = ofGuest(await poll(lapsedFlow, lapsed, credentials), guest.id);
  expect(lapses).toEqual([expect.objectContaining({ event_id: `lapsedGuest:${guest.id}:${last.id}`, days_without_visit: 1 })]);
  expect(ofGuest(await poll(lapsedFlow, lapsed, credentials), guest.id)).toEqual([]);
}, 4 * MINUTE);
