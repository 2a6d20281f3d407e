import type { OperationDeclaration, Vendor } from '../core/operation';
import { listGuests } from '../smartwifi/operations/guests';
import { DAY_MS, type LifecycleEvent } from './derive';
import { type Row, fieldText as text } from './visits';
import { wholeNumber } from './number-input';

/*
 * Guest Birthday, where a vendor's guest list gives a birth date: SmartWiFi's `birthdate`
 * ("yyyy-mm-dd" or null in the guest list). Dates are calendar dates without a zone: a day is a UTC
 * day. A 29 February birthday falls on 28 February in other years.
 */

export interface BirthdaySource {
  vendor: Vendor;
  /** The whole guest list in one call. */
  op: OperationDeclaration;
  guestOf(row: Row): string;
  birthdateOf(row: Row): unknown;
}


export const BIRTHDAY_SOURCES: Partial<Record<Vendor, BirthdaySource>> = {
  smartwifi: {
    vendor: 'smartwifi',
    op: listGuests,
    // Guest ids may be blank (the doc's example): the MAC address then identifies the guest.
    guestOf: (row) => text(row.id) ?? `mac:${String(row.macaddress ?? '')}`,
    birthdateOf: (row) => row.birthdate,
  },
};

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The guest's birthday in the year of `day` (`yyyy-mm-dd`), or undefined for a date we cannot read. */
export function birthdayIn(birthdate: unknown, year: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(birthdate ?? '').trim());
  if (!match) return undefined;
  const [month, date] = [Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || date < 1 || date > 31) return undefined;
  const day = month === 2 && date === 29 && !isLeap(year) ? 28 : date;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function birthdayEvent(source: BirthdaySource, row: Row, birthday: string, daysBefore: number): LifecycleEvent {
  const guest = source.guestOf(row);
  const id = `guestBirthday:${guest}:${birthday}`;
  const birthYear = Number(String(source.birthdateOf(row)).slice(0, 4));
  const age = Number(birthday.slice(0, 4)) - birthYear;
  return {
    id,
    at: Date.parse(`${birthday}T00:00:00Z`) - daysBefore * DAY_MS,
    item: { event_id: id, guest_id: guest, birthdate: source.birthdateOf(row), birthday, days_before: daysBefore, age: birthYear >= 1900 && age >= 0 ? age : null, guest: row },
  };
}

/** The birthdays announced on `day` (`yyyy-mm-dd`): those `daysBefore` days after it. */
export function birthdaysOn(source: BirthdaySource, rows: Row[], day: string, daysBefore: number): LifecycleEvent[] {
  const target = utcDay(Date.parse(`${day}T00:00:00Z`) + daysBefore * DAY_MS);
  const year = Number(target.slice(0, 4));
  return rows.filter((row) => birthdayIn(source.birthdateOf(row), year) === target).map((row) => birthdayEvent(source, row, target, daysBefore));
}

/** n8n's state: the last day a poll ran and the birthdays of that day already emitted (or there at the first poll). */
export interface BirthdayState {
  day: string;
  emitted: string[];
}

/** A poll after a pause catches up on at most this many days. */
export const BIRTHDAY_CATCH_UP_DAYS = 7;

/**
 * One n8n poll: the birthdays of every day since the last poll (at most a week back), each once.
 * The first poll records today's and emits nothing. The state holds one day's ids.
 */
export function stepBirthdays(source: BirthdaySource, previous: BirthdayState | undefined, rows: Row[], now: number, daysBefore: number) {
  const today = utcDay(now);
  if (!previous) return { events: [], state: { day: today, emitted: birthdaysOn(source, rows, today, daysBefore).map((e) => e.id) } };
  const done = new Set(previous.emitted);
  const events: LifecycleEvent[] = [];
  const from = Math.max(Date.parse(`${previous.day}T00:00:00Z`), Date.parse(`${today}T00:00:00Z`) - BIRTHDAY_CATCH_UP_DAYS * DAY_MS);
  for (let ms = from; utcDay(ms) <= today; ms += DAY_MS) {
    for (const event of birthdaysOn(source, rows, utcDay(ms), daysBefore)) if (!done.has(event.id)) events.push(event);
  }
  const emitted = birthdaysOn(source, rows, today, daysBefore).map((e) => e.id);
  return { events, state: { day: today, emitted } };
}

/** Zapier: the birthdays announced today and yesterday, newest first (Zapier drops the ids it has seen). */
export function recentBirthdays(source: BirthdaySource, rows: Row[], now: number, daysBefore: number): LifecycleEvent[] {
  return [...birthdaysOn(source, rows, utcDay(now), daysBefore), ...birthdaysOn(source, rows, utcDay(now - DAY_MS), daysBefore)];
}

export const BIRTHDAY_EVENT = {
  kind: 'guestBirthday',
  label: 'Guest Birthday',
  summary: "A guest's birthday, on the day or a chosen number of days before (once per guest and year)",
  zapierDescription: "Triggers when a guest has a birthday, or a chosen number of days before it, once per guest and year.",
  daysBefore: { label: 'Days Before', default: 0, min: 0, max: 30, help: 'Announce the birthday this many days ahead (0: on the day, UTC), e.g. 7 to send an offer a week before.' },
} as const;

export function daysBeforeOf(value: unknown): number {
  return wholeNumber('daysBefore', BIRTHDAY_EVENT.daysBefore, value);
}
