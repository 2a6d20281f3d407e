import type { Sandbox } from '../../test/sandbox';

export type Json = Record<string, unknown>;

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** One run of a template, read from n8n's execution data. */
export interface TemplateRun {
  /** The items a node put out (every output, in order). */
  output(node: string): Json[];
  /** The items a node received: its parent's output, as the run recorded it. */
  input(node: string): Json[];
  /** A pinned node's expression parameters as n8n resolved them for each item it received. */
  resolved(node: string): Array<Record<string, string>>;
}

/**
 * What a template must do against the sandbox: `templates/<file>` plus this is all a new template
 * needs (test/templates/<name>.ts, listed in test/templates/index.ts).
 */
export interface TemplateSpec<Fixture = unknown> {
  /** The workflow file in templates/. */
  file: string;
  /**
   * New rows written into the sandbox before the run, so that the trigger's real poll returns them:
   * a manual run of our polling triggers returns the vendor's 5 latest items (MANUAL_SAMPLE_SIZE
   * in nodes/common/polling/poll-event.ts), so a spec adds 5.
   */
  prepare(sandbox: Sandbox): Fixture;
  /**
   * For a webhook trigger (Nectifi Trigger): makes the vendor send the event, once n8n listens on the
   * trigger's test URL. The harness registers that URL with the sandbox for the trigger's events.
   */
  emit?(sandbox: Sandbox, fixture: Fixture): void;
  /** Each third-party node's answer (its pinned output), one item per item it will receive. */
  pinned: Record<string, (fixture: Fixture) => Json[]>;
  /** The sandbox's state and the third-party nodes' inputs after the run. */
  expect(context: { sandbox: Sandbox; fixture: Fixture; run: TemplateRun }): Check[];
}

export function same(name: string, actual: unknown, expected: unknown): Check {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  return { name, ok: a === e, detail: a === e ? a.slice(0, 160) : `expected ${e.slice(0, 300)}, got ${a.slice(0, 300)}` };
}

export function holds(name: string, ok: boolean, detail: string): Check {
  return { name, ok, detail };
}
