// The hub's own API, with the credential kept in this tab's sessionStorage. Every request goes
// to the hub that served the page; nothing here names another host.
const KEY = "dangjian-hub.credential";

export const credential = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value.trim()),
  clear: () => sessionStorage.removeItem(KEY),
};

export class SignedOut extends Error {}

function authHeaders() {
  const value = credential.get();
  if (!value) throw new SignedOut("未登录 / not signed in");
  // A JWT has three dot-separated parts; anything else is an API key.
  return value.split(".").length === 3
    ? { Authorization: `Bearer ${value}` }
    : { "X-API-Key": value };
}

async function request(path, init = {}) {
  const response = await fetch(path, { ...init, headers: { ...init.headers, ...authHeaders() } });
  if (response.status === 401) {
    const body = await response.json().catch(() => ({}));
    throw new SignedOut(body.errors?.[0]?.message ?? "401");
  }
  return response;
}

export async function gql(query, variables = {}) {
  const response = await request("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("；"));
  return body.data;
}

// A download the browser saves: fetched with the credential (a bare link would get 401),
// then handed to the browser as a blob under the name the hub gives it.
export async function download(path) {
  const response = await request(path);
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.message ?? `HTTP ${response.status}`);
  }
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "download";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
