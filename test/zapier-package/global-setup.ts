import { ZAPIER_APPS } from '../../scripts/zapier-build';
import { packageZapierApp } from '../../scripts/zapier-package';

/** Every run tests zips made from the current source, by the CLI's own build. */
export default async function globalSetup(): Promise<void> {
  for (const app of ZAPIER_APPS) await packageZapierApp(app);
}
