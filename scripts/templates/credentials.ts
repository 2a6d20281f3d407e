import type { N8nRest } from '../start/n8n-rest';
import type { CredentialRef, DemoWorkflow } from '../start/setup';

/** What a placeholder credential holds: no secret, and nothing is sent with it (its nodes are pinned). */
const PLACEHOLDER = 'placeholder-not-a-secret';

/**
 * One credential of each third-party type the templates use, under the name the template gives
 * it ("HubSpot account"), so that every node has its credential assigned as in a real workflow.
 * The data is a placeholder in every field that is not an OAuth token: a pinned node never uses it.
 */
export async function createPlaceholderCredentials(rest: N8nRest, templates: DemoWorkflow[], ours: Set<string>): Promise<Record<string, CredentialRef>> {
  const wanted = new Map<string, string>();
  for (const wf of templates) {
    for (const node of wf.nodes) {
      for (const [type, ref] of Object.entries(node.credentials ?? {})) if (!ours.has(type)) wanted.set(type, ref.name);
    }
  }
  const out: Record<string, CredentialRef> = {};
  for (const [type, name] of wanted) {
    const data = { apiKey: PLACEHOLDER, appToken: PLACEHOLDER, accessToken: PLACEHOLDER, clientId: PLACEHOLDER, clientSecret: PLACEHOLDER };
    const saved = await rest.request<{ id: string }>('POST', '/rest/credentials', { name, type, data });
    out[type] = { id: saved.id, name };
  }
  return out;
}
