import * as z from '../core/zod';
import { lazySchema } from '../core/lazy';
import { withSummary } from '../core/output-summary';

// Output schemas are loose objects: unknown fields pass through; only identifying fields are required.
// The doc's example JSON is malformed in places (missing `:` and `,`, blank ids, duplicate keys);
// these shapes follow what the examples mean.

const numOrStr = () => z.union([z.number(), z.string()]);

const customFields = () => ({
  custom1: z.nullish(z.string()),
  custom2: z.nullish(z.string()),
  custom3: z.nullish(z.string()),
  custom4: z.nullish(z.string()),
  custom5: z.nullish(z.string()),
  custom6: z.nullish(z.string()),
  custom7: z.nullish(z.string()),
  custom8: z.nullish(z.string()),
  custom9: z.nullish(z.string()),
  custom10: z.nullish(z.string()),
});

// Guest plans carry no id. A purchase is identified by `token` (the guest profile) together with
// `guest_plan_name` and `guest_plan_start`; only `token` is required.
export const guestPlan = lazySchema(() =>
  z.looseObject({
    token: z.string(),
    macaddress: z.nullish(z.string()),
    email: z.nullish(z.string()),
    guest_plan_name: z.nullish(z.string()),
    guest_plan_start: z.nullish(z.string()),
    guest_plan_expire: z.nullish(z.string()),
    guest_plan_state: z.nullish(z.string()),
    session_profile_name: z.nullish(z.string()),
    payment_gateway: z.nullish(z.string()),
    gateway_transaction_id: z.nullish(z.string()),
  }),
);

export const hotspot = lazySchema(() =>
  z.looseObject({
    id: numOrStr(),
    name: z.nullish(z.string()),
  }),
);

// `GET /v2/guests/get` returns no id: the guest is the token you asked for, and `profile.macaddress`.
export const guestDetails = lazySchema(() =>
  withSummary(
    z.looseObject({
      ...customFields(),
      client: z.nullish(
        z.looseObject({
          id: z.nullish(numOrStr()),
          company: z.nullish(z.string()),
        }),
      ),
      profile: z.looseObject({
        firstname: z.nullish(z.string()),
        lastname: z.nullish(z.string()),
        email: z.nullish(z.string()),
        mobilephone: z.nullish(z.string()),
        birthdate: z.nullish(z.string()),
        macaddress: z.string(),
        gender: z.nullish(z.string()),
        country: z.nullish(z.string()),
        region: z.nullish(z.string()),
        city: z.nullish(z.string()),
        address: z.nullish(z.string()),
        postal_code: z.nullish(z.string()),
      }),
      last_connection: z.nullish(
        z.looseObject({
          name: z.nullish(z.string()),
          nasidentifier: z.nullish(z.string()),
        }),
      ),
      unsubscribed: z.nullish(z.boolean()),
    }),
    ['profile', 'last_connection', 'unsubscribed'],
  ),
);

// Decision: guest `id`s are blank in the doc's example; we accept a number, a string, null or no id.
// Where the id is missing a guest is identified by `macaddress`, which is therefore required.
export const guest = lazySchema(() =>
  withSummary(
    z.looseObject({
      id: z.nullish(numOrStr()),
      macaddress: z.string(),
      email: z.nullish(z.string()),
      profile_url: z.nullish(z.string()),
      display_name: z.nullish(z.string()),
      first_name: z.nullish(z.string()),
      last_name: z.nullish(z.string()),
      country: z.nullish(z.string()),
      region: z.nullish(z.string()),
      city: z.nullish(z.string()),
      address: z.nullish(z.string()),
      gender: z.nullish(z.string()),
      postal_code: z.nullish(z.string()),
      birthdate: z.nullish(z.string()),
      mobile_phone: z.nullish(z.string()),
      ...customFields(),
      unsubscribed: z.nullish(z.boolean()),
    }),
    ['id', 'macaddress', 'email', 'first_name', 'last_name', 'mobile_phone', 'country', 'city', 'unsubscribed'],
  ),
);

export const pingResult = lazySchema(() =>
  z.looseObject({
    message: z.string(),
  }),
);

// Decision: connections have no id; one is identified by `guesttoken` + `macaddress` + `date`.
export const connection = lazySchema(() =>
  withSummary(
    z.looseObject({
      date: z.string(),
      guesttoken: z.string(),
      macaddress: z.string(),
      email: z.nullish(z.string()),
      phone: z.nullish(z.string()),
      device: z.nullish(z.string()),
      mobile: z.nullish(z.string()),
      identity: z.nullish(z.string()),
      firstname: z.nullish(z.string()),
      lastname: z.nullish(z.string()),
      uploaded: z.nullish(numOrStr()),
      downloaded: z.nullish(numOrStr()),
      useragent: z.nullish(z.string()),
      hotspotname: z.nullish(z.string()),
      online_time: z.nullish(z.string()),
      profileuser: z.nullish(z.string()),
      reason_for_termination: z.nullish(z.string()),
    }),
    [
      'date',
      'guesttoken',
      'macaddress',
      'email',
      'firstname',
      'lastname',
      'hotspotname',
      'device',
      'online_time',
      'reason_for_termination',
    ],
  ),
);
