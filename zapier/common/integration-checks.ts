import { valueAt } from './sample';

/**
 * The checks of Zapier's integration-check reference that can be judged from an app definition,
 * plus publishing requirements without a code (`P-...`). Pure: takes the definition object an app's
 * index exports. scripts/zapier-checks.ts runs it on the four apps (and the live `P-SEARCH-MISS`).
 * What each code covers, and why, is in zapier/README.md ("Integration checks").
 */
export type Severity = 'error' | 'warning';

export interface Finding {
  code: string;
  severity: Severity;
  /** `searches.findGuest`, `authentication.fields.apiKey`, ... */
  where: string;
  message: string;
}

type Definition = Record<string, any>;
type Step = { kind: 'triggers' | 'searches' | 'creates'; key: string; step: Definition };

/**
 * Inputs that hold an identifier but are not the vendor's internal ID a user would have to look up:
 * each with the reason, shown with the check's output so a reviewer can judge it.
 */
export const ID_FIELDS_ALLOWED: Record<string, string> = {
  external_id: 'your own system\'s user ID (anykrowd\'s natural key for synced users), not an anykrowd ID',
  idempotency_key: 'a value of yours that makes a retry safe, not an ID to look up',
  request_id: 'returned by Send Email in the same Zap (Nectifi has no list of sent emails to pick from)',
  grant_id: 'returned by Grant Promotion in the same Zap (Nectifi has no list of grants to pick from)',
  reward_id: 'shown by Find Wallet in the same Zap (Nectifi lists rewards only inside one guest\'s wallet)',
  guest_token: 'in SmartWiFi only connections and guest plans carry it (its guest list has none), so it is mapped from New Connection or New Guest Plan',
  nanoids: 'returned by the top-up being revoked (anykrowd has no list of top-ups across wallets)',
};

const ID_KEY = /(^|_)(id|ids|uuid|nanoids?|token)$/i;
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
/** Zapier accepts clear directions where no direct link exists: a menu path, a place, or whom to ask. */
const DIRECTIONS = /\w+ > \w+|\b(workspace|dashboard|settings|admin)\b.*\b(under|in|go to|create)\b|\b(ask|contact)\b/i;
const LINK = /\[[^\]]+\]\(https?:\/\/[^)]+\)|https?:\/\/\S+/;

export function visibleSteps(app: Definition): Step[] {
  const steps: Step[] = [];
  for (const kind of ['triggers', 'searches', 'creates'] as const) {
    for (const [key, step] of Object.entries<Definition>(app[kind] ?? {})) if (!step.display?.hidden) steps.push({ kind, key, step });
  }
  return steps;
}

export function checkApp(app: Definition): Finding[] {
  const findings: Finding[] = [];
  const add = (code: string, severity: Severity, where: string, message: string) => findings.push({ code, severity, where, message });
  checkAuth(app, add);
  for (const { kind, key, step } of visibleSteps(app)) {
    const where = `${kind}.${key}`;
    checkDisplay(kind, where, step, add);
    checkInputs(where, step, app, add);
    checkSample(kind, where, step, add);
  }
  checkWebhooks(app, add);
  return findings;
}

type Add = (code: string, severity: Severity, where: string, message: string) => void;

function checkAuth(app: Definition, add: Add): void {
  const auth = app.authentication ?? {};
  if (typeof auth.connectionLabel !== 'function' && typeof auth.connectionLabel !== 'string') {
    add('D003', 'error', 'authentication', 'no connection label: users cannot tell two connections apart');
  }
  for (const field of auth.fields ?? []) {
    const where = `authentication.fields.${field.key}`;
    if (field.type === 'password' && !LINK.test(field.helpText ?? '')) {
      if (DIRECTIONS.test(field.helpText ?? '')) {
        add('D002', 'warning', where, 'no link to where the secret is found (the vendor documents no page for it): the help gives directions instead');
      } else {
        add('D002', 'error', where, 'the help text of a secret neither links to nor says where it is found');
      }
    }
    if (!titleCase(field.label)) add('D018', 'error', where, `label "${field.label}" is not Title Case`);
  }
}

function checkDisplay(kind: Step['kind'], where: string, step: Definition, add: Add): void {
  const { label = '', description = '' } = step.display ?? {};
  if (!titleCase(label)) add('D018', 'error', where, `label "${label}" is not Title Case`);
  if (kind === 'triggers' && !/^Triggers when /.test(description)) add('D021', 'error', where, 'a trigger description starts "Triggers when"');
  if (kind === 'searches' && !/^Finds /.test(description)) add('D022', 'error', where, 'a search description starts "Finds"');
  if (!/^[A-Z].{19,}\.$/.test(description)) add('D022', 'error', where, 'a description is a sentence of 20 characters or more ending with a period');
  if (/\bList [A-Z]\w+|\bGet [A-Z]\w+/.test(description)) add('P-STEP-NAMES', 'error', where, 'the description names a step the Zapier app does not have');
}

function checkInputs(where: string, step: Definition, app: Definition, add: Add): void {
  for (const field of flatInputs(step.operation?.inputFields ?? [])) {
    const at = `${where}.inputFields.${field.key}`;
    if (field.label && !titleCase(field.label)) add('D018', 'error', at, `label "${field.label}" is not Title Case`);
    // A line-item group takes no help of its own (its first column carries it).
    if (!field.children && (!field.helpText || field.helpText.length < 10)) add('D012', 'warning', at, 'no help text that says what to enter');
    if (field.required && /\bleave (it )?empty\b/i.test(field.helpText ?? '')) {
      add('P-HELP-REQUIRED', 'error', at, 'a required field whose help says to leave it empty');
    }
    if (field.dynamic) {
      const [triggerKey] = String(field.dynamic).split('.');
      if (!app.triggers?.[triggerKey]) add('D004', 'error', at, `dynamic dropdown ${field.dynamic} names no trigger of the app`);
    }
    const idLike = ID_KEY.test(field.key) || /\bID\b/.test(field.label ?? '');
    if (idLike && !field.dynamic && !field.choices && !field.search && !(field.key in ID_FIELDS_ALLOWED)) {
      add('D004', 'error', at, 'an ID field without a dynamic dropdown: users would have to type an internal ID');
    }
    if (/\b(List|Get) [A-Z][a-z]+s?\b/.test(field.helpText ?? '')) {
      add('P-STEP-NAMES', 'error', at, `the help names a step the Zapier app does not show: "${(field.helpText.match(/\b(List|Get) [A-Z][a-z]+s?\b/) ?? [])[0]}"`);
    }
  }
}

function flatInputs(fields: unknown[]): Definition[] {
  return fields.filter((f): f is Definition => typeof f === 'object' && f !== null).flatMap((f) => [f, ...flatInputs(f.children ?? [])]);
}

function checkSample(kind: Step['kind'], where: string, step: Definition, add: Add): void {
  const sample = step.operation?.sample;
  if (!sample || typeof sample !== 'object' || Object.keys(sample).length === 0) {
    add('D010', 'error', where, 'no sample: the editor has nothing to show before a test');
    return;
  }
  if (kind === 'triggers' && step.operation?.type !== 'hook' && sample.id === undefined) {
    add('D009', 'error', where, 'a polling trigger\'s sample has no id: Zapier deduplicates on it');
  }
  const outputFields: Definition[] = (step.operation?.outputFields ?? []).filter((f: unknown) => typeof f === 'object');
  if (outputFields.length === 0) add('D024', 'error', where, 'no output fields');
  for (const field of outputFields) {
    if (!field.label) add('D024', 'warning', `${where}.outputFields.${field.key}`, 'an output field without a label');
    if (valueAt(sample, field.key) === undefined) add('D024', 'error', `${where}.outputFields.${field.key}`, 'the sample has no value for this output field');
  }
  for (const [path, value] of leaves(sample)) {
    if (typeof value === 'string' && DATE_LIKE.test(value) && !ISO_WITH_OFFSET.test(value)) {
      add('D023', 'warning', `${where}.sample.${path}`, `"${value}" is not ISO-8601 with an offset (kept: the sample shows the format the vendor returns)`);
    }
  }
}

function checkWebhooks(app: Definition, add: Add): void {
  for (const [key, trigger] of Object.entries<Definition>(app.triggers ?? {})) {
    if (trigger.operation?.type === 'hook' && !trigger.operation.performSubscribe) {
      add('P-STATIC-HOOK', 'warning', `triggers.${key}`, 'a static webhook, which Zapier does not accept on new public apps (see zapier/README.md for why)');
    }
  }
}

function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${prefix}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, value]];
}

/** Every word capitalised except short joining words (not first); words in parentheses count too. */
export function titleCase(label: unknown): boolean {
  if (typeof label !== 'string' || !label.trim()) return false;
  return label
    .replace(/[()]/g, '')
    .split(/\s+/)
    .every((word, i) => /^[A-Z0-9]/.test(word) || (i > 0 && TITLE_SMALL_WORDS.has(word)));
}
