import { z } from 'zod/v4';
import { lazySchema } from '../core/lazy';
import { withSummary } from '../core/output-summary';

// Output schemas are loose objects: unknown fields pass through; only identifying fields are required.
// The doc's example JSON is malformed in places (missing `:` and `,`, blank ids, duplicate keys);
// these shapes follow what the examples mean.

const numOrStr = () => z.union([z.number(), z.string()]);

const customFields = () => ({
  custom1: z.string().nullish(),
  custom2: z.string().nullish(),
  custom3: z.string().nullish(),
  custom4: z.string().nullish(),
  custom5: z.string().nullish(),
  custom6: z.string().nullish(),
  custom7: z.string().nullish(),
  custom8: z.string().nullish(),
  custom9: z.string().nullish(),
  custom10: z.string().nullish(),
});

// Guest plans carry no id. A purchase is identified by `token` (the guest profile) together with
// `guest_plan_name` and `guest_plan_start`; only `token` is required.
export const guestPlan = lazySchema(() =>
  z.looseObject({
    token: z.string(),
    macaddress: z.string().nullish(),
    email: z.string().nullish(),
    guest_plan_name: z.string().nullish(),
    guest_plan_start: z.string().nullish(),
    guest_plan_expire: z.string().nullish(),
    guest_plan_state: z.string().nullish(),
    session_profile_name: z.string().nullish(),
    payment_gateway: z.string().nullish(),
    gateway_transaction_id: z.string().nullish(),
  }),
);

export const hotspot = lazySchema(() =>
  z.looseObject({
    id: numOrStr(),
    name: z.string().nullish(),
  }),
);

// `GET /v2/guests/get` returns no id: the guest is the token you asked for, and `profile.macaddress`.
export const guestDetails = lazySchema(() =>
  withSummary(
    z.looseObject({
      ...customFields(),
      client: z
        .looseObject({
          id: numOrStr().nullish(),
          company: z.string().nullish(),
        })
        .nullish(),
      profile: z.looseObject({
        firstname: z.string().nullish(),
        lastname: z.string().nullish(),
        email: z.string().nullish(),
        mobilephone: z.string().nullish(),
        birthdate: z.string().nullish(),
        macaddress: z.string(),
        gender: z.string().nullish(),
        country: z.string().nullish(),
        region: z.string().nullish(),
        city: z.string().nullish(),
        address: z.string().nullish(),
        postal_code: z.string().nullish(),
      }),
      last_connection: z
        .looseObject({
          name: z.string().nullish(),
          nasidentifier: z.string().nullish(),
        })
        .nullish(),
      unsubscribed: z.boolean().nullish(),
    }),
    ['profile', 'last_connection', 'unsubscribed'],
  ),
);

// Decision: guest `id`s are blank in the doc's example; we accept a number, a string, null or no id.
// Where the id is missing a guest is identified by `macaddress`, which is therefore required.
export const guest = lazySchema(() =>
  withSummary(
    z.looseObject({
      id: numOrStr().nullish(),
      macaddress: z.string(),
      email: z.string().nullish(),
      profile_url: z.string().nullish(),
      display_name: z.string().nullish(),
      first_name: z.string().nullish(),
      last_name: z.string().nullish(),
      country: z.string().nullish(),
      region: z.string().nullish(),
      city: z.string().nullish(),
      address: z.string().nullish(),
      gender: z.string().nullish(),
      postal_code: z.string().nullish(),
      birthdate: z.string().nullish(),
      mobile_phone: z.string().nullish(),
      ...customFields(),
      unsubscribed: z.boolean().nullish(),
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
      email: z.string().nullish(),
      phone: z.string().nullish(),
      device: z.string().nullish(),
      mobile: z.string().nullish(),
      identity: z.string().nullish(),
      firstname: z.string().nullish(),
      lastname: z.string().nullish(),
      uploaded: numOrStr().nullish(),
      downloaded: numOrStr().nullish(),
      useragent: z.string().nullish(),
      hotspotname: z.string().nullish(),
      online_time: z.string().nullish(),
      profileuser: z.string().nullish(),
      reason_for_termination: z.string().nullish(),
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
