/**
 * Benchmark 3, our side: the walk through the shared client's async iterators, in its own process
 * (bundled by bench/lib/bundle.ts, run with plain node). argv[2]: WalkSpec JSON.
 */
import type { HttpRequest } from '../../shared/http/transport';
import { UndiciTransport } from '../../shared/http/undici-transport';
import { createNectifiClient } from '../../shared/nectifi';
import { createSmartWifiClient } from '../../shared/smartwifi';
import { runWalkMain } from './walk';

runWalkMain(async (spec, ctx) => {
  const undici = new UndiciTransport();
  const transport = {
    async send(request: HttpRequest) {
      const response = await undici.send(request);
      ctx.response(response.body);
      return response;
    },
  };
  if (spec.walk === 'smartwifi-connections') {
    const client = createSmartWifiClient({ apiToken: spec.key, environment: 'custom', baseUrl: spec.baseUrl, allowHttp: true }, { transport, rateLimit: false });
    for await (const row of client.iterate.listConnections({ from: spec.from, to: spec.to })) ctx.use(row);
  } else {
    const client = createNectifiClient({ apiKey: spec.key, baseUrl: spec.baseUrl, allowHttp: true }, { transport, rateLimit: false });
    for await (const guest of client.iterate.listGuests({ limit: 200 })) ctx.use(guest);
  }
  await undici.close();
});
