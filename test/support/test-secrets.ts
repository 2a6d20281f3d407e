import { ANYKROWD_API_KEY, NECTIFI_KEYS, SMARTWIFI_API_TOKEN, SPLASH_API_KEY } from '../sandbox/keys';
import { OFFLINE_CREDENTIALS } from './runners';

/** Every secret the suite uses. None may appear in any error, output or log it produces. */
export function testSecrets(): string[] {
  return [
    NECTIFI_KEYS.full,
    NECTIFI_KEYS.readOnly,
    NECTIFI_KEYS.crmOnly,
    NECTIFI_KEYS.revoked,
    NECTIFI_KEYS.ipBlocked,
    NECTIFI_KEYS.webhookSecret,
    SPLASH_API_KEY,
    SMARTWIFI_API_TOKEN,
    ANYKROWD_API_KEY,
    // The part of a Sanctum token after `|` is the secret on its own.
    ANYKROWD_API_KEY.split('|')[1],
    OFFLINE_CREDENTIALS.nectifi.apiKey,
    OFFLINE_CREDENTIALS.splash.apiKey,
    OFFLINE_CREDENTIALS.smartwifi.apiToken,
    OFFLINE_CREDENTIALS.anykrowd.apiKey,
  ];
}
