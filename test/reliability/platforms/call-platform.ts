import { join } from 'node:path';
import { buildZapierApp } from '../../../scripts/zapier-build';
import { runChain, step } from '../../n8n/support/chain';
import type { CredentialStore } from '../../n8n/support/engine';
import type { CaseContext, Platform, PlatformCase } from './cases';

/** What a platform made of one call: the items it output, or the error it showed the user. */
export interface PlatformAttempt {
  items?: unknown[];
  /** Everything the platform shows of the error (message, description...), for the judge and the secret scan. */
  errorText?: string;
}

type Tester = (perform: unknown, bundle: unknown) => Promise<unknown>;

/** Each platform as a user runs it: n8n's workflow engine, Zapier's app tester on the built apps. */
export class PlatformCaller {
  private readonly testers = new Map<string, { app: Record<string, any>; tester: Tester }>();

  constructor(
    private readonly n8nCredentials: CredentialStore,
    private readonly zapierAuth: Record<string, Record<string, string>>,
  ) {}

  async call(platform: Platform, c: PlatformCase, ctx: CaseContext): Promise<PlatformAttempt> {
    return platform === 'n8n' ? await this.viaN8n(c, ctx) : await this.viaZapier(c, ctx);
  }

  private async viaN8n(c: PlatformCase, ctx: CaseContext): Promise<PlatformAttempt> {
    const node = step(c.op.label, c.n8n.nodeType, c.n8n.resource, c.op.key, c.n8n.parameters(ctx));
    const result = await runChain([node], [{}], this.n8nCredentials);
    const error = result.error(node.name) as (Error & { description?: unknown; context?: unknown }) | undefined;
    if (error) return { errorText: JSON.stringify({ name: error.name, message: error.message, description: error.description, context: error.context }) };
    return { items: result.output(node.name).map((item) => item.json) };
  }

  private async viaZapier(c: PlatformCase, ctx: CaseContext): Promise<PlatformAttempt> {
    const { app, tester } = await this.zapierApp(c.zapier.app);
    const perform = app[c.zapier.kind][c.zapier.key].operation.perform;
    // A Zap of its own per call: the bundle-derived idempotency key is the same on every retry of it.
    const bundle = { authData: this.zapierAuth[c.zapier.app], inputData: c.zapier.inputData(ctx), meta: { zap: { id: `zap-${ctx.unique}` } } };
    try {
      const result = await tester(perform, bundle);
      return { items: Array.isArray(result) ? result : [result] };
    } catch (error) {
      return { errorText: JSON.stringify({ name: (error as Error).name, message: (error as Error).message }) };
    }
  }

  private async zapierApp(name: PlatformCase['zapier']['app']) {
    let entry = this.testers.get(name);
    if (!entry) {
      // As under `zapier test`: without NODE_ENV=test zapier-platform-core prints a memory line per run.
      process.env.NODE_ENV ??= 'test';
      const { createAppTester } = require('zapier-platform-core') as typeof import('zapier-platform-core');
      const app = require(join(await buildZapierApp(name), 'index.js')) as Record<string, any>;
      entry = { app, tester: createAppTester(app) as unknown as Tester };
      this.testers.set(name, entry);
    }
    return entry;
  }
}
