import type { IAuthenticateRuleResponseCode, IAuthenticateRuleResponseSuccessBody as Rule, ICredentialTestRequest } from 'n8n-workflow';

/*
 * n8n's declarative credential test (the only kind its verification accepts: a test function gets
 * only the deprecated `request` helper) can say one thing per rule, and a rule only compares one
 * value of the answer, `lodash.get(firstItem, key) === value`. These helpers build the rules that
 * make the test say what the vendor said; vendor-decisions.md lists what each n8n version shows.
 */

/** The answer to a test that must not send the key: a `data:` URL, so nothing leaves n8n. */
export const PLAIN_HTTP_ANSWER = 'venue-connectors: plain http refused, nothing was sent';
/**
 * The same in base64, in the one `data:` form both axios parsers accept (n8n 2.8's axios 1.12 wants
 * `;` before the data, n8n 1.123's axios 1.16 wants `key=value` parameters).
 */
export const PLAIN_HTTP_DATA_URL = 'data:text/plain;charset=utf-8;base64,dmVudWUtY29ubmVjdG9yczogcGxhaW4gaHR0cCByZWZ1c2VkLCBub3RoaW5nIHdhcyBzZW50';

/**
 * The request's URL: the vendor's, or, when `refused` (an n8n expression body) holds, a `data:` URL
 * n8n answers itself, recognised by `plainHttpRule`. `baseURL` must then be empty (`baseUrlUnless`).
 */
export function urlUnless(refused: string, path: string): string {
  return `={{ (${refused}) ? "${PLAIN_HTTP_DATA_URL}" : "${path}" }}`;
}

/**
 * The request's base URL, or when `refused` an expression that throws the refusal. n8n 2.41
 * evaluates expressions in its isolated engine, which lets the error through as the test's message
 * (it rejects `data:` URLs); n8n 1.x-2.8 ignore an error thrown in an expression, so the base URL is
 * empty and the `data:` URL of `urlUnless` answers instead.
 */
export function baseUrlUnless(refused: string, urlLabel: string, baseUrl: string): string {
  return `={{ (${refused}) ? (() => { throw new Error("${plainHttpMessage(urlLabel)}"); })() : ${baseUrl} }}`;
}

function plainHttpMessage(urlLabel: string): string {
  return `The ${urlLabel} starts with http:// and Allow Plain HTTP is off, so nothing was sent (the key would travel unencrypted). Use https://, or turn on Allow Plain HTTP for a local or private test server.`;
}

/** n8n hands a `data:` answer to the rules as text or bytes: its length tells it apart from JSON. */
export function plainHttpRule(urlLabel: string): Rule {
  return {
    type: 'responseSuccessBody',
    properties: {
      key: 'length',
      value: PLAIN_HTTP_ANSWER.length,
      message: plainHttpMessage(urlLabel),
    },
  };
}

/** A rule for one exact vendor answer, e.g. `{"detail": "api_monthly_quota_exceeded"}`. */
export function answerRule(key: string, value: string, message: string): Rule {
  return { type: 'responseSuccessBody', properties: { key, value, message } };
}

/**
 * A rule for any answer whose `key` holds a value of that kind: lodash reads through a string's
 * constructor, so `detail.constructor.name` is `String` for every `{"detail": "..."}`.
 */
export function kindRule(key: string, kind: 'String' | 'Array' | 'Object', message: string): Rule {
  return { type: 'responseSuccessBody', properties: { key: key ? `${key}.constructor.name` : 'constructor.name', value: kind, message } };
}

/** `true` in an n8n expression when `field` starts with http:// and Allow Plain HTTP is off. */
export function plainHttpRefused(field: string): string {
  return `!$credentials.allowHttp && /^http:\\/\\//i.test(String($credentials.${field} || "").trim())`;
}

/**
 * Body and status rules in one list. n8n's type asks for one kind per list, but its tester walks one
 * list and checks each rule's own type (status rules on a refused request, body rules on an answer).
 */
export function mixedRules(...rules: Array<Rule | IAuthenticateRuleResponseCode>): ICredentialTestRequest['rules'] {
  return rules as ICredentialTestRequest['rules'];
}
