import { en } from 'zod/v4/locales';
import { config } from 'zod/v4/mini';

/*
 * The zod the project builds its schemas with: `import * as z from '<this file>'`.
 *
 * zod mini, not classic: a bundle keeps only the functions it calls (about 45 KB of zod instead of
 * 395 KB, and some 5 MB less memory at load). Mini loads no messages of its own ("Invalid input");
 * this module gives it zod's English ones, the messages users read when a value has no wording of
 * ours, before any schema built from it can parse.
 */
config(en());

export * from 'zod/v4/mini';
