/** The expectations of each workflow in templates/ (npm run test:templates). A new template adds its spec here. */
import type { TemplateSpec } from '../../scripts/templates/spec';
import { birthday } from './birthday';
import { loyalty } from './loyalty';
import { mailchimp } from './mailchimp';
import { review } from './review';
import { thirdVisit } from './third-visit';
import { topups } from './topups';
import { vip } from './vip';
import { welcome } from './welcome';
import { winback } from './winback';

export const TEMPLATE_SPECS = [welcome, vip, mailchimp, topups, loyalty, review, winback, thirdVisit, birthday] as TemplateSpec[];
