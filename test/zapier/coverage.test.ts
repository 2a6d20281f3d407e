import { join } from 'node:path';
import { ZAPIER_APPS, buildZapierApp } from '../../scripts/zapier-build';
import { ALL_OPERATIONS } from '../../shared/catalog';
import { zapierCoverage } from '../../zapier/catalog-coverage';

const apps: Record<string, any> = {};

beforeAll(async () => {
  for (const app of ZAPIER_APPS) apps[app] = require(join(await buildZapierApp(app), 'index.js'));
});

describe('Zapier coverage of the declared operations', () => {
  it('exposes every one of the 54 operations in a Zapier app', () => {
    expect(ALL_OPERATIONS.filter((op) => !zapierCoverage[op.id]).map((op) => op.id)).toEqual([]);
    expect(Object.keys(zapierCoverage)).toHaveLength(54);
  });

  it.each(Object.entries(zapierCoverage))('%s points at a step that exists in the built app (%s)', (id, where) => {
    const [, app, kind, key] = /^(\w+)\/(\w+):(\w+)$/.exec(where) ?? [];
    expect(app).toBe(id.split('.')[0]);
    const steps: Record<string, Record<string, unknown>> = {
      trigger: apps[app].triggers,
      search: apps[app].searches,
      create: apps[app].creates,
      authentication: apps[app].authentication,
    };
    expect(steps[kind]?.[key]).toBeDefined();
  });

  it('gives each app exactly one auth scheme, custom, with a test and a connection label', () => {
    for (const app of Object.values(apps)) {
      expect(app.authentication).toMatchObject({ type: 'custom' });
      expect(typeof app.authentication.test).toBe('function');
      expect(typeof app.authentication.connectionLabel).toBe('function');
      for (const field of app.authentication.fields) expect(field.helpText.length).toBeGreaterThan(10);
    }
  });

  it('starts every visible trigger with "Triggers when", every search with "Finds" and every create with a verb', () => {
    for (const app of Object.values(apps)) {
      for (const trigger of Object.values<any>(app.triggers)) if (!trigger.display.hidden) expect(trigger.display.description).toMatch(/^Triggers when .*\.$/);
      for (const search of Object.values<any>(app.searches)) expect(search.display.description).toMatch(/^Finds .*\.$/);
      for (const create of Object.values<any>(app.creates)) expect(create.display.description).toMatch(/^(Creates|Updates|Adds|Sends|Deletes|Redeems|Gives|Takes|Reverses|Changes) .*\.$/);
    }
  });
});
