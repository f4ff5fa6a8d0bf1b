// 用 Apollo 的组合器组合子图 SDL / compose subgraph SDLs with Apollo's own composer, the
// one the gateway runs. Reads `[{name, url, sdl}, …]` as JSON on stdin and prints
// `{"ok": true}` or `{"ok": false, "errors": [{code, message}, …]}`: the tests use it to show
// that composition needs the hub's @shareable marks.

import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const services = JSON.parse(input).map(({ name, url, sdl }) => ({
  name, url, typeDefs: parse(sdl),
}));
const result = composeServices(services);
const errors = (result.errors ?? []).map((e) => ({
  code: e.extensions?.code ?? null, message: e.message,
}));
console.log(JSON.stringify(errors.length ? { ok: false, errors } : { ok: true }));
