/**
 * A SmartWiFi connection has no id. A roaming device sends several accounting records for one
 * connection, which SmartWiFi lists as one row built from the records inside the requested range,
 * dated at the first of them (the doc: "you will only receive records within the range specified").
 * So a range that starts after a connection's first record shows it with a later date, and a range
 * cut in two shows it twice, in parts. Decision (vendor-decisions): a connection is known by guest
 * token, MAC address and the date of its first record, and every read that cuts a range reaches
 * this far past the cut, so that a connection whose records span less than this comes out whole.
 */
export const CONNECTION_SPAN_MS = 12 * 3_600_000;

/** Guest token, MAC address and the date of its first record: stable once the connection is seen whole. */
export function connectionKey(row: Record<string, unknown>): string {
  return `${String(row.guesttoken)}|${String(row.macaddress)}|${String(row.date)}`;
}
