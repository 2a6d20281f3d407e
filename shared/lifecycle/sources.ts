import { formatUtc } from '../client/paginate';
import { spacedUtc } from '../core/vendor-time';
import { listSessions } from '../nectifi/operations/wifi';
import { connectionKey } from '../smartwifi/connection-identity';
import { listConnections } from '../smartwifi/operations/connections';
import { listCustomerVisits } from '../splash/operations/customers';
import { type Row, type VisitSource, durationMs, fieldText as text, timeField } from './visits';

/*
 * Which list is a vendor's visits and which of its fields say who, when and how long
 * (docs/vendor-decisions.md, "Lifecycle events"). anykrowd has no visits (an event cashless API).
 */


/** Nectifi WiFi sessions: `guest_id`, `started_at`, and `ended_at` once the session is over (`active_only` lists open ones). */
export const nectifiVisits: VisitSource = {
  vendor: 'nectifi',
  op: listSessions,
  noun: 'WiFi session',
  guestOf: (row) => text(row.guest_id),
  keyOf: (row) => String(row.id),
  startOf: timeField('started_at'),
  endOf: (row) => (row.is_active === true ? undefined : timeField('ended_at')(row)),
  // Newest first without saying by what: a session written up to this late is still read.
  read: { style: 'newest-first', slackMs: 30 * 60_000 },
};

/** Splash Air customer visits: `customer_id` and `created_at` (the docs show no body; vendor-decisions). No end. */
export const splashVisits: VisitSource = {
  vendor: 'splash',
  op: listCustomerVisits,
  noun: 'visit',
  guestOf: (row) => text(row.customer_id),
  keyOf: (row) => String(row.id),
  startOf: timeField('created_at'),
  read: { style: 'window', inputs: (since) => ({ start_date: spacedUtc(Math.max(0, since)) }) },
};

/**
 * SmartWiFi connections, the Guest Connections Report: one row per finished connection, with the
 * guest's `guesttoken`, its `date` and its `online_time` (`hh:mm:ss`), so it ends at date + online time.
 */
export const smartwifiVisits: VisitSource = {
  vendor: 'smartwifi',
  op: listConnections,
  noun: 'connection',
  guestOf: (row) => text(row.guesttoken) ?? text(row.macaddress),
  keyOf: (row: Row) => connectionKey(row),
  startOf: timeField('date'),
  endOf: (row) => {
    const start = timeField('date')(row);
    const online = durationMs(row.online_time);
    return start === undefined || online === undefined ? undefined : start + online;
  },
  read: { style: 'window', inputs: (since, until) => ({ from: formatUtc(since, true), to: formatUtc(until, true) }) },
};

export const VISIT_SOURCES = { nectifi: nectifiVisits, splash: splashVisits, smartwifi: smartwifiVisits };
