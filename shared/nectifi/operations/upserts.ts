import { defineUpsert } from '../../core/upsert';
import { createGuest, listGuests, updateGuest } from './crm';

const sameEmail = (item: Record<string, unknown>, email: string) =>
  typeof item.email === 'string' && item.email.trim().toLowerCase() === email.trim().toLowerCase();

/*
 * Decision (vendor-decisions, Create or Update Guest): Nectifi's `search` matches name, email or
 * phone loosely (alex@example.com also finds malex@example.com), so only a guest whose email equals
 * the given one, ignoring case, counts. Several such guests change nothing and fail, naming them.
 */
export const createOrUpdateGuest = defineUpsert({
  vendor: 'nectifi',
  key: 'createOrUpdateGuest',
  resource: 'guest',
  label: 'Create or Update Guest',
  description: 'Updates the guest with this email, or creates one when there is none; says which it did.',
  naturalKey: 'email',
  find: listGuests,
  findInput: (email) => ({ search: email }),
  isMatch: sameEmail,
  maxCandidates: 1000,
  create: createGuest,
  update: updateGuest,
  targetFields: { guest_id: 'id' },
  describe: (guest) => `guest ID ${String(guest.id)}`,
  n8nSince: 1.1,
});

/** Nectifi's Create or Update operations, keyed by their `key`. */
export const nectifiUpserts = { createOrUpdateGuest } as const;
