// Building the page from data: text always goes in as text, never as markup.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

// "中文 English": the Chinese first, the English alongside in smaller type.
export function bi(zh, en) {
  return [zh, " ", el("small", {}, en)];
}

export function percent(ratio) {
  return ratio === null || ratio === undefined ? "—" : `${(ratio * 100).toFixed(1)}%`;
}

export function message(kind, zh, en) {
  return el("p", { class: kind, role: kind === "error" ? "alert" : null }, ...bi(zh, en));
}

export function loading() {
  return message("muted", "加载中…", "loading…");
}
