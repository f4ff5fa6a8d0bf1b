// 测试用的真实 Apollo Gateway / a real Apollo Gateway composing the hub and the hotline.
//
// It composes the supergraph at start from both subgraphs' `_service { sdl }`
// (IntrospectAndCompose), then plans every query across them. Each caller's own credential
// (`Authorization`, or a county system's `X-API-Key`) is forwarded with every subgraph
// request, so the hub applies that caller's jurisdiction to the entities it resolves; a
// caller without one reaches the hub without one and is refused there.
//
// Loading the hub's SDL is the gateway's own request, not a caller's: it carries the
// gateway's service credential (GATEWAY_HUB_TOKEN, a `service`-role token).
//
// For the tests, the gateway also reports the hub's own round-trip counts (which the hub
// puts in `extensions.roundTrips` when its debug report is on) in its response's
// `extensions.hubFetches`, one entry per request it sent the hub: a gateway never forwards a
// subgraph's extensions on its own.
//
// Env: GATEWAY_PORT, HUB_URL, HOTLINE_URL, GATEWAY_HUB_TOKEN. Listens on 127.0.0.1 only.

import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const { GATEWAY_PORT, HUB_URL, HOTLINE_URL, GATEWAY_HUB_TOKEN } = process.env;
if (!GATEWAY_PORT || !HUB_URL || !HOTLINE_URL || !GATEWAY_HUB_TOKEN) {
  console.error('GATEWAY_PORT, HUB_URL, HOTLINE_URL and GATEWAY_HUB_TOKEN are required');
  process.exit(2);
}

class ForwardCaller extends RemoteGraphQLDataSource {
  willSendRequest({ request, context, kind }) {
    // Only a caller's operation carries the caller's credential; schema loading has its own.
    if (kind !== 'incoming operation') return;
    for (const header of ['authorization', 'x-api-key']) {
      request.http.headers.delete(header);
      if (context[header]) request.http.headers.set(header, context[header]);
    }
  }

  didReceiveResponse({ response, context }) {
    const trips = response.extensions?.roundTrips;
    if (this.subgraph === 'hub' && trips) (context.hubFetches ??= []).push(trips);
    return response;
  }
}

const reportHubFetches = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !contextValue.hubFetches) return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, hubFetches: contextValue.hubFetches };
      },
    };
  },
};

const gateway = new ApolloGateway({
  supergraphSdl: new IntrospectAndCompose({
    subgraphs: [
      { name: 'hub', url: HUB_URL },
      { name: 'hotline', url: HOTLINE_URL },
    ],
    introspectionHeaders: (service) =>
      service.name === 'hub' ? { authorization: `Bearer ${GATEWAY_HUB_TOKEN}` } : {},
  }),
  // The data source's constructor copies its options onto itself: `this.subgraph` names it.
  buildService: ({ name, url }) => new ForwardCaller({ url, subgraph: name }),
});

const server = new ApolloServer({ gateway, plugins: [reportHubFetches] });
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(GATEWAY_PORT) },
  context: async ({ req }) => ({
    authorization: req.headers.authorization ?? null,
    'x-api-key': req.headers['x-api-key'] ?? null,
  }),
});
console.log(`gateway ready at ${url}`);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    await server.stop();
    process.exit(0);
  });
}
