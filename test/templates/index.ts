/** The expectations of each workflow in templates/ (npm run test:templates). A new template adds its spec here. */
import type { TemplateSpec } from '../../scripts/templates/spec';
import { loyalty } from './loyalty';
import { mailchimp } from './mailchimp';
import { review } from './review';
import { topups } from './topups';
import { vip } from './vip';
import { welcome } from './welcome';

export const TEMPLATE_SPECS = [welcome, vip, mailchimp, topups, loyalty, review] as TemplateSpec[];
