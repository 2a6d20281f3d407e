/**
 * The value shown for `api_token` wherever a URL in `text` carries one, raw or URL-encoded (a URL
 * inside a query string or a JSON string). SmartWiFi sends its token in the query string, so every
 * URL we show must have it replaced.
 */
export function apiTokenValues(text: string): string[] {
  const unescaped = text.replace(/\\u0026/g, '&').replace(/\\"/g, '"');
  const values: string[] = [];
  for (const match of unescaped.matchAll(/api_token(?:=|%3D)([^&\s"'\\)<>,]*)/gi)) values.push(safeDecode(match[1]));
  return values;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** How we show a token: `[redacted]`. Zapier's own log scrubbing writes `:censored:<length>:<hash>:`. */
export const REDACTED_TOKEN = /^(\[redacted\]|:censored:\d+:[0-9a-f]+:)$/;

/** SmartWiFi API URLs (`…/smartwifi/v2/…`, the sandbox's base) that `text` shows. */
export function smartwifiUrls(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"'\\<>]*\/smartwifi\/v2\/[^\s"'\\<>]*/g)].map((match) => match[0]);
}
