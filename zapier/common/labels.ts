const ACRONYMS: Record<string, string> = {
  id: 'ID',
  ids: 'IDs',
  url: 'URL',
  vip: 'VIP',
  mac: 'MAC',
  vat: 'VAT',
  qr: 'QR',
  rfid: 'RFID',
  api: 'API',
  ssid: 'SSID',
  macaddress: 'MAC Address',
  guesttoken: 'Guest Token',
  hotspotname: 'Hotspot Name',
  useragent: 'User Agent',
  firstname: 'First Name',
  lastname: 'Last Name',
  mobilephone: 'Mobile Phone',
  nasidentifier: 'NAS Identifier',
  profileuser: 'Profile User',
  upspeed: 'Upload Speed',
  downspeed: 'Download Speed',
  volumecap: 'Data Limit',
};

/** `first_name` → `First Name`, `guest_id` → `Guest ID`, `currency__name` → `Currency Name`. */
export function labelFromKey(key: string): string {
  return key
    .replace(/\[\]/g, '_')
    .split(/[_\s]+|(?<=[a-z])(?=[A-Z])/)
    .filter(Boolean)
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** `guestPlan` → `Guest Plan`. */
export function nounFromResource(resource: string): string {
  return labelFromKey(resource);
}
