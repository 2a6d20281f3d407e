/** Sandbox-only demo credentials. They are printed by the CLI on purpose. */

export const NECTIFI_KEYS = {
  full: 'nk_FCTn9NjLIfK9mdjQ8HyAZf380i7OEhQN',
  readOnly: 'nk_kawXwW8LRGs6DqJ0dxfJDYZ3g5dTx92I',
  crmOnly: 'nk_9sv1zdkIBEIYIFHWq6bkTimNVNuGxYT0',
  revoked: 'nk_OeQW6MOv0vU14ZXOrhMMIkBLa3wU0t4j',
  /** Full scopes, but its IP allowlist (203.0.113.0/24) excludes every caller of the local sandbox. */
  ipBlocked: 'nk_Qm3v8TzLw2RkYp6HcXe9JdNs4BaUf7Gi',
  webhookSecret: 'whsec_GkU7oYatGHDFOdpdaG1kzCxR90n3Z2mz',
  signatureHeader: 'X-Nectifi-Signature',
} as const;

export const SPLASH_API_KEY = 'rBl8IznM6NE7lVwrbybsPGjEZygnUFS2OV6KWiT9';
export const SPLASH_TEAMS = { team: 'default', otherTeam: 'north' } as const;

export const SMARTWIFI_API_TOKEN = 'XpXhWnFYADqoEjBIkBHthSHIO3rdZ3HJt7UK33VvStBZyZoIqlrOUJdx2PJq';

/** A Sanctum-style personal access token (`<id>|<secret>`). */
export const ANYKROWD_API_KEY = '14|NDPo12LAxPXj0npvc1piaUlgR6GNMUum7qjiPxmI';
