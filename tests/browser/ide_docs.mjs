// Headless Chromium over the DevTools protocol: open the hub's GraphiQL page, read its Docs
// pane, paste a token into the Headers editor as a person would, and read the Docs pane
// again. Prints one JSON line {before, after}. Usage:
//   node --experimental-websocket ide_docs.mjs IDE_URL TOKEN DEBUG_PORT PROFILE_DIR
import { spawn } from "node:child_process";

const [ideUrl, token, port, profile] = process.argv.slice(2);
const chrome = spawn(process.env.CHROMIUM || "chromium",
  ["--headless=new", "--no-sandbox", "--disable-gpu", `--remote-debugging-port=${port}`,
   `--user-data-dir=${profile}`, "about:blank"], { stdio: "ignore" });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(read, what) {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (value) return value;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

let socket;
try {
  const page = await until(async () => {
    try {
      const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
      return targets.find((t) => t.type === "page");
    } catch {
      return undefined;
    }
  }, "Chromium");
  socket = new WebSocket(page.webSocketDebuggerUrl);
  await new Promise((resolve) => socket.addEventListener("open", resolve));
  let next = 0;
  const waiting = new Map();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(event.data);
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const send = (method, params = {}) => new Promise((resolve) => {
    waiting.set(++next, resolve);
    socket.send(JSON.stringify({ id: next, method, params }));
  });
  const evaluate = async (expression) => (await send("Runtime.evaluate",
    { expression, awaitPromise: true, returnByValue: true })).result.result.value;

  await send("Page.navigate", { url: ideUrl });
  await until(() => evaluate("!!document.querySelector('.graphiql-container')"), "GraphiQL");
  const docs = `(async () => {
    const button = document.querySelector('[aria-label*="Documentation Explorer"]');
    if (button && !document.querySelector('.graphiql-doc-explorer')) button.click();
    await new Promise((r) => setTimeout(r, 300));
    const pane = document.querySelector('.graphiql-doc-explorer');
    return pane ? pane.innerText : '';
  })()`;
  const settled = (text) => text.includes("Error fetching schema") || text.includes("Root Types");
  const before = await until(async () => { const t = await evaluate(docs); return settled(t) && t; },
    "the Docs pane before the token");
  const paste = `(() => {
    const editor = [...document.querySelectorAll('.CodeMirror')].map((c) => c.CodeMirror)
      .find((c) => c.getValue().includes('Authorization'));
    if (!editor) return false;
    editor.setValue(${JSON.stringify(JSON.stringify({ Authorization: `Bearer ${token}` }))});
    return true;
  })()`;
  await until(() => evaluate(paste), "the Headers editor");
  let after = "";
  try {
    after = await until(async () => { const t = await evaluate(docs); return t.includes("Root Types") && t; },
      "the Docs pane after the token");
  } catch {
    after = await evaluate(docs);
  }
  console.log(JSON.stringify({ before, after }));
} finally {
  socket?.close();
  chrome.kill();
}
