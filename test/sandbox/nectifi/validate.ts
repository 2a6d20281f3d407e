import { HttpError } from '../context';
import { contentType, isPlainObject, parseJson, type SandboxRequest } from '../http';

/** One entry of FastAPI/Pydantic v2's 422 `detail` list. */
export interface PydanticError {
  type: string;
  loc: (string | number)[];
  msg: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
}

export function validationError(errors: PydanticError[]): HttpError {
  return new HttpError(422, 'Validation error', errors);
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Pydantic-style (lax mode) field checks that collect every error before failing with 422. */
export class Checker {
  readonly errors: PydanticError[] = [];

  constructor(private readonly where: 'body' | 'query' | 'path') {}

  fail(field: string | (string | number)[], type: string, msg: string, input?: unknown, ctx?: Record<string, unknown>): undefined {
    const loc = [this.where, ...(Array.isArray(field) ? field : [field])];
    const e: PydanticError = { type, loc, msg, input };
    if (ctx) e.ctx = ctx;
    this.errors.push(e);
    return undefined;
  }

  int(field: string, v: unknown, o: { required?: boolean; ge?: number; le?: number } = {}): number | undefined {
    if (v === undefined || v === null || v === '') return o.required ? this.fail(field, 'missing', 'Field required', v ?? null) : undefined;
    let n: number;
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || !Number.isInteger(v))
        return this.fail(field, 'int_from_float', 'Input should be a valid integer, got a number with a fractional part', v);
      n = v;
    } else if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) {
      n = parseInt(v, 10);
    } else if (typeof v === 'string') {
      return this.fail(field, 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer', v);
    } else {
      return this.fail(field, 'int_type', 'Input should be a valid integer', v);
    }
    if (o.ge !== undefined && n < o.ge) return this.fail(field, 'greater_than_equal', `Input should be greater than or equal to ${o.ge}`, v, { ge: o.ge });
    if (o.le !== undefined && n > o.le) return this.fail(field, 'less_than_equal', `Input should be less than or equal to ${o.le}`, v, { le: o.le });
    return n;
  }

  bool(field: string, v: unknown, required = false): boolean | undefined {
    if (v === undefined || v === null) return required ? this.fail(field, 'missing', 'Field required', null) : undefined;
    if (typeof v === 'boolean') return v;
    if (v === 0 || v === 1) return v === 1;
    if (typeof v === 'string') {
      const s = v.trim().toLowerCase();
      if (['true', '1', 'yes', 'on', 't', 'y'].includes(s)) return true;
      if (['false', '0', 'no', 'off', 'f', 'n'].includes(s)) return false;
      return this.fail(field, 'bool_parsing', 'Input should be a valid boolean, unable to interpret input', v);
    }
    return this.fail(field, 'bool_type', 'Input should be a valid boolean', v);
  }

  str(field: string | (string | number)[], v: unknown, o: { required?: boolean; min?: number; max?: number; pattern?: RegExp } = {}): string | undefined {
    if (v === undefined || v === null) return o.required ? this.fail(field, 'missing', 'Field required', null) : undefined;
    if (typeof v !== 'string') return this.fail(field, 'string_type', 'Input should be a valid string', v);
    if (o.min !== undefined && v.length < o.min)
      return this.fail(field, 'string_too_short', `String should have at least ${o.min} character${o.min === 1 ? '' : 's'}`, v, { min_length: o.min });
    if (o.max !== undefined && v.length > o.max)
      return this.fail(field, 'string_too_long', `String should have at most ${o.max} characters`, v, { max_length: o.max });
    if (o.pattern && !o.pattern.test(v))
      return this.fail(field, 'string_pattern_mismatch', `String should match pattern '${o.pattern.source}'`, v, { pattern: o.pattern.source });
    return v;
  }

  email(field: string, v: unknown): string | undefined {
    const s = this.str(field, v, { max: 254 });
    if (s === undefined) return undefined;
    if (!EMAIL_RE.test(s)) return this.fail(field, 'value_error', 'value is not a valid email address: An email address must have an @-sign.', v);
    return s.toLowerCase();
  }

  strList(field: string, v: unknown): string[] | undefined {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) return this.fail(field, 'list_type', 'Input should be a valid list', v);
    const out: string[] = [];
    v.forEach((item, i) => {
      const s = this.str([field, i], item);
      if (s !== undefined) out.push(s);
    });
    return out.length === v.length ? out : undefined;
  }

  dict(field: string, v: unknown): Record<string, unknown> | undefined {
    if (v === undefined || v === null) return undefined;
    if (!isPlainObject(v)) return this.fail(field, 'dict_type', 'Input should be a valid dictionary', v);
    return v;
  }

  done(): void {
    if (this.errors.length) throw validationError(this.errors);
  }
}

/** The JSON object body of a request, or a FastAPI-shaped 422. */
export function jsonBody(req: SandboxRequest): Record<string, unknown> {
  const ct = contentType(req);
  const parsed = parseJson(req);
  if (ct && !ct.includes('json') && req.rawBody.length)
    throw validationError([{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: req.rawBody.toString('utf8') }]);
  if (!parsed.ok)
    throw validationError([{ type: 'json_invalid', loc: ['body', parsed.position ?? 0], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } }]);
  if (parsed.value === undefined) throw validationError([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  if (!isPlainObject(parsed.value))
    throw validationError([{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: parsed.value }]);
  return parsed.value;
}

/** `limit` (default 50, max 200) and `offset` (docs, "Pagination"). */
export function paging(req: SandboxRequest, maxLimit = 200): { limit: number; offset: number } {
  const c = new Checker('query');
  const limit = c.int('limit', req.query.get('limit') ?? undefined, { ge: 1, le: maxLimit }) ?? 50;
  const offset = c.int('offset', req.query.get('offset') ?? undefined, { ge: 0 }) ?? 0;
  c.done();
  return { limit, offset };
}

export function pathId(req: SandboxRequest, name: string): number {
  const c = new Checker('path');
  const id = c.int(name, req.params[name], { required: true });
  c.done();
  return id as number;
}

export function notFound(what: string): HttpError {
  return new HttpError(404, `${what} not found`);
}
