import { randomUUID } from 'node:crypto';

export interface Login {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

export class N8nRestError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    body: string,
  ) {
    super(`n8n ${method} ${path}: HTTP ${status} ${body.slice(0, 300)}`);
  }
}

/**
 * The editor's own REST API (`/rest/...`), as the browser uses it: a session cookie from owner
 * setup or login, and the `browser-id` header the cookie is bound to. Only what the demo needs.
 */
export class N8nRest {
  private cookie = '';
  private readonly browserId = randomUUID();

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        accept: 'application/json',
        'browser-id': this.browserId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie?.() ?? [];
    for (const c of setCookie) if (c.startsWith('n8n-auth=')) this.cookie = c.split(';')[0];
    const text = await response.text();
    if (!response.ok) throw new N8nRestError(method, path, response.status, text);
    const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
    return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
  }

  /** Creates the owner on a fresh instance, otherwise logs in. Returns true when the owner was just created. */
  async ownerSetupOrLogin(login: Login): Promise<boolean> {
    const settings = await this.request<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>('GET', '/rest/settings');
    if (settings.userManagement?.showSetupOnFirstLoad) {
      await this.request('POST', '/rest/owner/setup', login);
      return true;
    }
    await this.request('POST', '/rest/login', { emailOrLdapLoginId: login.email, password: login.password });
    return false;
  }
}

/** Polls until `GET path` answers 200 (n8n's /healthz/readiness: database up and migrated). */
export async function waitForHttpOk(url: string, options: { timeoutMs: number; stillRunning?: () => boolean }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (options.stillRunning && !options.stillRunning()) throw new Error(`the process serving ${url} exited`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${Math.round(options.timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
