/** The docs' two environments, kept apart so the credential declaration loads nothing else. */
export const SMARTWIFI_HOSTS = {
  'us-a': 'https://api.smartwifiplatform.com',
  'us-b': 'https://api-usb.smartwifiplatform.com',
} as const;
