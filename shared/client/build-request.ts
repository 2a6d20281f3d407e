import type { FieldDeclaration, OperationDeclaration } from '../core/operation';
import type { HttpRequest } from '../http/transport';
import type { VendorConnection } from './vendor-profile';

export const USER_AGENT = 'venue-connectors/0.1 (+https://www.npmjs.com/package/n8n-nodes-venue-connectors)';

export interface BuildOptions {
  includeAuth: boolean;
  timeoutMs: number;
  /** Query overrides used by the paging iterators (page, offset, window bounds). */
  query?: Record<string, unknown>;
}

interface FieldLayout {
  fields: Array<[name: string, field: FieldDeclaration]>;
  hasForm: boolean;
}

const layouts = new WeakMap<OperationDeclaration, FieldLayout>();

/** The operation's fields as a list, read once per declaration rather than on every call. */
function layoutOf(op: OperationDeclaration): FieldLayout {
  let layout = layouts.get(op);
  if (!layout) {
    const fields = Object.entries(op.fields);
    layout = { fields, hasForm: fields.some(([, field]) => field.in === 'form') };
    layouts.set(op, layout);
  }
  return layout;
}

/** Turns validated input into a request: each field goes where its declaration says. */
export function buildRequest(
  op: OperationDeclaration,
  connection: VendorConnection,
  input: Record<string, unknown>,
  options: BuildOptions,
): HttpRequest {
  const { fields, hasForm } = layoutOf(op);
  // Built only when a value goes there: most calls have no query (benchmark 1 counts every µs).
  let query: URLSearchParams | undefined;
  let form: URLSearchParams | undefined;
  const json: Record<string, unknown> = {};
  const overrides = options.query;
  let path = op.path;

  for (const [name, field] of fields) {
    const value = overrides && name in overrides ? overrides[name] : input[name];
    if (value === undefined || value === null) continue;
    if (field.in === 'path') path = path.replace(`{${name}}`, encodePathSegment(value));
    else if (field.in === 'query') (query ??= new URLSearchParams()).set(name, queryValue(value));
    else if (field.in === 'form') (form ??= new URLSearchParams()).set(name, queryValue(value));
    else json[name] = value;
    if (field.alsoInBody) json[name] = value;
  }

  // Connection parameters (Splash Air's team slug) go in the form when there is one, else the query.
  for (const name in connection.params) {
    const target = hasForm ? (form ??= new URLSearchParams()) : (query ??= new URLSearchParams());
    target.set(name, connection.params[name]);
  }
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
  if (options.includeAuth) {
    Object.assign(headers, connection.auth.headers);
    for (const name in connection.auth.query) (query ??= new URLSearchParams()).set(name, connection.auth.query[name]);
  }

  let body: string | undefined;
  if (hasForm) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = form?.toString() ?? '';
  } else if (op.method !== 'GET' && op.method !== 'DELETE') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  }
  const search = query?.toString();
  return {
    method: op.method,
    url: `${connection.baseUrl}${path}${search ? `?${search}` : ''}`,
    headers,
    body,
    timeoutMs: options.timeoutMs,
  };
}

/** Encodes a path value so that no input can add a segment or climb out of the path. */
export function encodePathSegment(value: unknown): string {
  const encoded = encodeURIComponent(String(value));
  return /^\.+$/.test(encoded) ? encoded.replace(/\./g, '%2E') : encoded;
}

function queryValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}
