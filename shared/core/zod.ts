import { en } from 'zod/v4/locales';
import { config } from 'zod/v4/mini';

/*
 * The zod the project builds its schemas with: `import * as z from '<this file>'`.
 *
 * zod mini, not classic: a bundle keeps only the functions it calls (66 KB of zod in the standalone
 * client instead of 395 KB, 4.7 MB less memory at load). Mini loads no messages of its own ("Invalid input");
 * this module gives it zod's English ones, the messages users read when a value has no wording of
 * ours, before any schema built from it can parse.
 */
config(en());

export * from 'zod/v4/mini';
