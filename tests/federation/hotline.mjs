// 测试用的第二个子图：“12345 热线”系统 / the second subgraph of the federation tests: a
// small stand-in for the county's 12345 hotline system.
//
// It owns tickets (工单) and contributes `Grid.tickets` to the hub's `Grid` entity; each
// ticket refers to the hub's grid and to the hub's grid Party organisation that handles it
// (`PartyOrg`, by its organisation code). It never copies the hub's data beyond the codes
// (and the grid names it already shows its callers, marked @shareable on both sides).
//
// Data are in memory and deterministic: one ticket per demo grid (grids.csv order), plus two
// hand-written tickets, so the Python tests can assert literal values.
//
// Env: HOTLINE_PORT (required), HOTLINE_SEEDS (the demo county's seed folder).
// Listens on 127.0.0.1 only.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

const port = Number(process.env.HOTLINE_PORT);
const seeds = process.env.HOTLINE_SEEDS;
if (!port || !seeds) {
  console.error('HOTLINE_PORT and HOTLINE_SEEDS are required');
  process.exit(2);
}

// The seed CSVs have no quoted commas, so a plain split is enough for a test fixture.
function rows(file) {
  const [header, ...lines] = readFileSync(join(seeds, file), 'utf8').trim().split('\n');
  const names = header.split(',').map((h) => h.match(/\(([^)]+)\)/)[1]);
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

const grids = rows('grids.csv');
// The organisation that handles a grid's tickets: the grid's branch, else its only group.
const handler = new Map();
for (const org of rows('party_orgs.csv')) {
  if (org.kind !== 'grid_branch' && org.kind !== 'grid_group') continue;
  const current = handler.get(org.territory);
  if (!current || (current.kind !== 'grid_branch' && org.kind === 'grid_branch')) {
    handler.set(org.territory, org);
  }
}

const TITLES = ['楼道照明损坏', '垃圾清运不及时', '夜间施工噪音扰民', '雨后路面积水', '占道经营'];
const STATUSES = ['OPEN', 'IN_PROGRESS', 'CLOSED'];

const tickets = grids.map((grid, i) => ({
  id: `HL-2023-${String(i + 1).padStart(4, '0')}`,
  title: TITLES[i % TITLES.length],
  status: STATUSES[i % STATUSES.length],
  gridCode: grid.code,
  orgCode: handler.get(grid.code)?.code ?? null,
  callerPhone: `1380000${String(i).padStart(4, '0')}`,
}));
tickets.push(
  { id: 'HL-2023-9001', title: '小区充电桩安装诉求', status: 'CLOSED', gridCode: 'XC-T01-C01-G01',
    orgCode: 'P-XC-T01-C01-G01', callerPhone: '13800009001' },
  // A grid of another township (白河镇): a township-XC-T01 caller must be refused it.
  { id: 'HL-2023-9002', title: '老旧小区加装电梯', status: 'OPEN', gridCode: 'XC-T02-C01-G01',
    orgCode: 'P-XC-T02-C01-G01', callerPhone: '13800009002' },
);
const gridName = new Map(grids.map((g) => [g.code, g.name]));

const typeDefs = parse(`
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7",
          import: ["@key", "@shareable", "@inaccessible"])

  "12345 热线工单状态 / hotline ticket status"
  enum TicketStatus { OPEN IN_PROGRESS CLOSED }

  "12345 热线工单 / a hotline ticket"
  type Ticket @key(fields: "id") {
    id: ID!
    title: String!
    status: TicketStatus!
    "工单所在网格（党建中枢的实体）/ the grid, an entity of the hub"
    grid: Grid
    "承办的网格党组织（党建中枢的实体）/ the grid Party organisation handling it"
    handledBy: PartyOrg
    "来电号码：热线内部使用，不进入超图 / caller's number: internal, kept out of the supergraph"
    callerPhone: String @inaccessible
  }

  "网格：党建中枢的实体，热线补充其工单 / a grid: the hub's entity, extended with tickets"
  type Grid @key(fields: "code") {
    code: String!
    "网格名称：热线也显示，与中枢共享 / grid name, also shown by the hotline"
    name: String! @shareable
    "本网格的 12345 热线工单 / the grid's hotline tickets"
    tickets: [Ticket!]!
  }

  "党组织：只引用中枢的实体，不在此解析 / a Party organisation, referenced by code only"
  type PartyOrg @key(fields: "code", resolvable: false) {
    code: String!
  }

  type Query {
    "全部热线工单（可按状态）/ all hotline tickets"
    tickets(status: TicketStatus): [Ticket!]!
    ticket(id: ID!): Ticket
  }
`);

const byId = new Map(tickets.map((t) => [t.id, t]));
const gridRef = (code) => ({ code, name: gridName.get(code) });

const resolvers = {
  Query: {
    tickets: (_, { status }) => tickets.filter((t) => !status || t.status === status),
    ticket: (_, { id }) => byId.get(id) ?? null,
  },
  Ticket: {
    __resolveReference: ({ id }) => byId.get(id) ?? null,
    grid: (t) => gridRef(t.gridCode),
    handledBy: (t) => (t.orgCode ? { code: t.orgCode } : null),
  },
  Grid: {
    __resolveReference: ({ code }) => gridRef(code),
    name: (g) => g.name ?? gridName.get(g.code),
    tickets: (g) => tickets.filter((t) => t.gridCode === g.code),
  },
};

const server = new ApolloServer({
  schema: buildSubgraphSchema([{ typeDefs, resolvers }]),
  // No Apollo Studio here: tracing data would only go to the gateway's logs.
  plugins: [ApolloServerPluginInlineTraceDisabled()],
});
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port } });
console.log(`hotline ready at ${url}`);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    await server.stop();
    process.exit(0);
  });
}
