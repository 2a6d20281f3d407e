import { type ZapierHarness, expectUniqueIds, startZapierHarness } from './support/harness';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
type Event = Record<string, any>;

/** Lifecycle triggers through Zapier's app tester, against the sandbox on the wall clock. */
describe('Nectifi lifecycle triggers', () => {
  let h: ZapierHarness;
  let authData: Record<string, string>;
  beforeAll(async () => {
    h = await startZapierHarness('nectifi');
    authData = h.authData;
  });
  afterAll(async () => {
    await h?.close();
  });
  const perform = (key: string, inputData: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) =>
    h.run<Event[]>(h.app.triggers[key].operation.perform, { authData, inputData, meta });

  it('Visit Ended: a session shows once it has ended, with its duration, under one id', async () => {
    const guest = h.sandbox.insert.nectifiGuest();
    const session = h.sandbox.insert.nectifiSession({ guest_id: guest.id, started_at: Date.now() - 20 * MINUTE });
    const ids = (events: Event[]) => events.map((e) => e.id);
    expect(ids(await perform('visitEnded'))).not.toContain(`visitEnded:${session.id}`);
    h.sandbox.insert.endNectifiSession(session.id as number);
    const events = await perform('visitEnded');
    expectUniqueIds(events);
    const ended = events.find((e) => e.id === `visitEnded:${session.id}`);
    expect(ended).toMatchObject({ event_id: `visitEnded:${session.id}`, guest_id: String(guest.id), visit_id: String(session.id) });
    expect(ended?.duration_seconds).toBeGreaterThanOrEqual(20 * 60);
    expect(ended?.duration_seconds).toBeLessThan(21 * 60);
    expect(ids(await perform('visitEnded'))).toContain(ended?.id);
  });

  it('Returning Guest: the Nth visit within the counting window, numbered from the visits read', async () => {
    const guest = h.sandbox.insert.nectifiGuest();
    const first = h.sandbox.insert.nectifiSession({ guest_id: guest.id, started_at: Date.now() - 3 * 60 * MINUTE, ended_at: Date.now() - 2 * 60 * MINUTE });
    const second = h.sandbox.insert.nectifiSession({ guest_id: guest.id, started_at: Date.now() - 45 * MINUTE });
    const mine = (events: Event[]) => events.filter((e) => e.guest_id === String(guest.id));
    const secondVisits = mine(await perform('returningGuest', { visitNumber: '2', countWindowDays: '30' }));
    expect(secondVisits).toEqual([expect.objectContaining({ id: `returningGuest:${guest.id}:${second.id}`, visit_number: 2, visit_id: String(second.id) })]);
    expect(mine(await perform('returningGuest', { visitNumber: '3' }))).toEqual([]);
    expect(secondVisits[0].visit.id).toBe(second.id);
    expect(first.id).not.toBe(second.id);
  });

  it('Lapsed Guest: a guest whose last visit is the chosen number of days old, once per last visit', async () => {
    const guest = h.sandbox.insert.nectifiGuest({ created_at: Date.now() - 40 * DAY });
    const last = h.sandbox.insert.nectifiSession({ guest_id: guest.id, started_at: Date.now() - 7 * DAY - 2 * 60 * MINUTE, ended_at: Date.now() - 7 * DAY - 60 * MINUTE });
    const mine = (events: Event[]) => events.filter((e) => e.guest_id === String(guest.id));
    const lapsed = mine(await perform('lapsedGuest', { lapseDays: '7' }));
    expect(lapsed).toEqual([expect.objectContaining({ id: `lapsedGuest:${guest.id}:${last.id}`, last_visit_id: String(last.id), days_without_visit: 7 })]);
    // Back again: the lapse that happened keeps its id (Zapier has seen it), and no new one starts.
    h.sandbox.insert.nectifiSession({ guest_id: guest.id });
    expect(mine(await perform('lapsedGuest', { lapseDays: '7' })).map((e) => e.id)).toEqual([lapsed[0].id]);
  });

  it('refuses a bad choice before any request, naming the field and the range', async () => {
    const error = await h.failure(h.app.triggers.returningGuest.operation.perform, { authData, inputData: { visitNumber: '1' } });
    expect(error.message).toMatch(/'visitNumber' \(Visit Number\): expected a whole number from 2 to 100/);
  });

  it('gives every lifecycle trigger a sample with its id and every output field', () => {
    for (const key of ['returningGuest', 'visitEnded', 'lapsedGuest']) {
      const { sample, outputFields } = h.app.triggers[key].operation;
      expect(sample.id).toBe(sample.event_id);
      for (const field of outputFields.filter((f: { key: string }) => !f.key.includes('__') && !f.key.includes('[]'))) expect(sample).toHaveProperty(field.key);
    }
  });

  it('New Guest with Only Guests Who Accepted Marketing skips guests without consent; off, it keeps them', async () => {
    const yes = h.sandbox.insert.nectifiGuest({ marketing_consent: true });
    const no = h.sandbox.insert.nectifiGuest({ marketing_consent: false });
    const only = (await perform('newGuest', { onlyAcceptedMarketing: 'true' })).map((g) => g.id);
    expect(only).toContain(yes.id);
    expect(only).not.toContain(no.id);
    const all = (await perform('newGuest')).map((g) => g.id);
    expect(all).toEqual(expect.arrayContaining([yes.id, no.id]));
  });
});

describe('Splash Air and SmartWiFi lifecycle triggers', () => {
  let splash: ZapierHarness;
  let smartwifi: ZapierHarness;
  beforeAll(async () => {
    splash = await startZapierHarness('splash');
    smartwifi = await startZapierHarness('smartwifi');
  });
  afterAll(async () => {
    await splash?.close();
    await smartwifi?.close();
  });

  it('Splash Air Returning Guest numbers a customer\'s visits; Splash Air has no Visit Ended (its visits have no end)', async () => {
    const { authData } = splash;
    expect(splash.app.triggers.visitEnded).toBeUndefined();
    const customer = splash.sandbox.insert.splashCustomer();
    splash.sandbox.insert.splashVisit({ customer_id: customer.id, created_at: Date.now() - 2 * 60 * MINUTE });
    const second = splash.sandbox.insert.splashVisit({ customer_id: customer.id, created_at: Date.now() - 60 * MINUTE });
    const events = await splash.run<Event[]>(splash.app.triggers.returningGuest.operation.perform, { authData, inputData: { visitNumber: 2 } });
    expectUniqueIds(events);
    expect(events.filter((e) => e.guest_id === String(customer.id))).toEqual([expect.objectContaining({ id: `returningGuest:${customer.id}:${second.id}`, visit_number: 2 })]);
  });

  it('SmartWiFi Visit Ended reads the connection\'s online time as its duration; New Guest keeps consenting guests only when asked', async () => {
    const { authData } = smartwifi;
    const guest = smartwifi.sandbox.insert.smartwifiGuest();
    const row = smartwifi.sandbox.insert.smartwifiConnection({ guesttoken: guest.token, date: Date.now() - 2 * 60 * MINUTE, online_time: '00:30:00' });
    const events = await smartwifi.run<Event[]>(smartwifi.app.triggers.visitEnded.operation.perform, { authData });
    const ended = events.filter((e) => e.guest_id === guest.token);
    expect(ended).toEqual([expect.objectContaining({ duration_seconds: 1800, visit_started_at: new Date(Date.parse(String(row.date))).toISOString() })]);

    const today = new Date().toISOString().slice(5, 10);
    const born = smartwifi.sandbox.insert.smartwifiGuest({ birthdate: `1990-${today}` });
    const quiet = smartwifi.sandbox.insert.smartwifiGuest({ birthdate: `1991-${today}`, unsubscribed: true });
    const birthdays = await smartwifi.run<Event[]>(smartwifi.app.triggers.guestBirthday.operation.perform, { authData, inputData: { onlyAcceptedMarketing: 'true' } });
    const year = new Date().getUTCFullYear();
    expect(birthdays.find((e) => e.guest_id === String(born.id))).toMatchObject({ id: `guestBirthday:${born.id}:${year}-${today}`, birthday: `${year}-${today}`, age: year - 1990 });
    expect(birthdays.map((e) => e.guest_id)).not.toContain(String(quiet.id));
    expect(today === '02-29' || !birthdays.some((e) => e.birthday !== `${year}-${today}` && e.birthday !== new Date(Date.now() - DAY).toISOString().slice(0, 10))).toBe(true);

    const unsubscribed = smartwifi.sandbox.insert.smartwifiGuest({ unsubscribed: true });
    const guests = await smartwifi.run<Event[]>(smartwifi.app.triggers.newGuest.operation.perform, { authData, inputData: { onlyAcceptedMarketing: true } });
    expect(guests.map((g) => g.id)).toContain(guest.id);
    expect(guests.map((g) => g.id)).not.toContain(unsubscribed.id);
  });
});
