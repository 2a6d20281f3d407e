// Not part of the n8n package: the repository's own lint rules (scripts/lint/repo-config.mjs).
import { repoConfig } from '../scripts/lint/repo-config.mjs';

export default repoConfig();
