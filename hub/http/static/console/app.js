// The console's shell: sign-in, who is signed in and what they may open, and the pages.
import { credential, gql, SignedOut } from "./api.js";
import { unitPage } from "./coverage.js";
import { message } from "./dom.js";

const $ = (id) => document.getElementById(id);
const state = { asOf: new Date().toISOString().slice(0, 10), root: null, countyWide: false };

const WHO = `query ConsoleWho($asOf: Date) {
  county(asOf: $asOf) { code name }
  townships: units(kind: TOWNSHIP, first: 2, asOf: $asOf) {
    ... on UnitConnection { totalCount nodes { code name kind } } }
  grids: units(kind: GRID, first: 2, asOf: $asOf) {
    ... on UnitConnection { totalCount nodes { code name kind } } }
}`;

// The widest unit the credential reaches: the county, else its one township, else its grid.
// The API decides; the console only follows what it is given.
async function whoAmI() {
  const data = await gql(WHO, { asOf: state.asOf });
  if (data.county) return { root: { ...data.county, kind: "County" }, countyWide: true };
  for (const list of [data.townships, data.grids]) {
    if (list.totalCount === 1) return { root: list.nodes[0], countyWide: false };
  }
  throw new Error("该凭据看不到任何单位 / this credential sees no unit");
}

function showSignIn(error) {
  $("signin").hidden = false;
  $("nav").hidden = true;
  $("session").hidden = true;
  $("view").replaceChildren();
  $("signin-error").textContent = error ?? "";
}

const PAGES = {
  overview: () => unitPage($("view"), state, state.root.code, null),
  unit: (code, dimension) => unitPage($("view"), state, code, dimension),
  report: async () => (await import("./report.js")).reportPage($("view"), state),
  audit: async () => (await import("./report.js")).auditPage($("view"), state),
  orders: async () => (await import("./orders.js")).ordersPage($("view"), state),
  tree: async (code) => (await import("./tree.js")).treePage($("view"), state, code),
};

async function route() {
  if (!state.root) return;
  const [name, ...args] = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const page = PAGES[name] ? name : "overview";
  for (const a of document.querySelectorAll("#nav a")) {
    a.classList.toggle("active", a.dataset.page === (page === "unit" ? "overview" : page));
  }
  try {
    await PAGES[page](...args);
  } catch (e) {
    if (e instanceof SignedOut) return signOut(e.message);
    $("view").replaceChildren(message("error", e.message, ""));
  }
}

async function signIn() {
  try {
    Object.assign(state, await whoAmI());
  } catch (e) {
    credential.clear();
    return showSignIn(e.message);
  }
  $("signin").hidden = true;
  $("nav").hidden = false;
  $("session").hidden = false;
  for (const a of document.querySelectorAll("#nav a[data-county]")) a.hidden = !state.countyWide;
  $("who").textContent = `${state.root.name}（${state.root.code}）`;
  document.body.dataset.scope = state.countyWide ? "county" : "unit";
  await route();
}

function signOut(error) {
  credential.clear();
  state.root = null;
  showSignIn(error);
}

$("asof").value = state.asOf;
$("asof").addEventListener("change", () => {
  if ($("asof").value) state.asOf = $("asof").value;
  route();
});
$("signout").addEventListener("click", () => signOut());
$("signin-form").addEventListener("submit", (event) => {
  event.preventDefault();
  credential.set($("credential").value);
  $("credential").value = "";
  signIn();
});
window.addEventListener("hashchange", route);
if (credential.get()) signIn(); else showSignIn();
