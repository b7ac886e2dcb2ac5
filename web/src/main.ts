import "./style.css";
import { clear, h } from "./dom";
import { forgetMe, loadMe } from "./me";
import { session, signOut } from "./session";
import { signinPage } from "./pages/signin";
import { mePage } from "./pages/me";
import { workPage } from "./pages/work";
import { cluePage } from "./pages/clue";
import { lettersPage } from "./pages/letters";
import { figuresPage } from "./pages/figures";
import { go } from "./router";

const main = document.getElementById("main")!;
const top = document.getElementById("top")!;

type Page = (root: HTMLElement, params: URLSearchParams, match: RegExpExecArray) => Promise<void> | void;
const routes: [RegExp, string, Page][] = [
  [/^\/signin$/, "登录", signinPage],
  [/^\/me$/, "我的信息", mePage],
  [/^\/work$/, "我的工作", workPage],
  [/^\/clues\/([A-Za-z0-9-]+)$/, "线索", cluePage],
  [/^\/letters$/, "建议书", lettersPage],
  [/^\/figures$/, "统计", figuresPage],
];

const nav: [string, string][] = [
  ["/work", "我的工作"],
  ["/letters", "建议书"],
  ["/figures", "统计"],
  ["/me", "我的信息"],
];


async function header() {
  const s = session();
  const here = location.pathname;
  const links = s
    ? nav.map(([path, text]) =>
        h("a", { href: path, "aria-current": here.startsWith(path) ? "page" : undefined }, text),
      )
    : [];
  const who = h("span", { class: "who" });
  clear(
    top,
    h("span", { class: "brand" }, "派驻监督协同工作台"),
    h("nav", { "aria-label": "主导航" }, links),
    who,
    s ? h("button", { type: "button", class: "link", onclick: () => { forgetMe(); signOut("已退出登录。"); } }, "退出") : null,
  );
  if (s) {
    loadMe().then((me) => clear(who, `${me.name || me.code}（${me.code}）`), () => clear(who, s.person));
  }
}

async function render() {
  let path = location.pathname;
  if (path === "/" || path === "/index.html") path = session() ? "/work" : "/signin";
  if (!session() && path !== "/signin") {
    history.replaceState(null, "", `/signin?next=${encodeURIComponent(location.pathname + location.search)}`);
    path = "/signin";
  } else if (path !== location.pathname) {
    history.replaceState(null, "", path);
  }
  await header();
  for (const [pattern, title, page] of routes) {
    const m = pattern.exec(path);
    if (!m) continue;
    document.title = `${title} · 派驻监督协同工作台`;
    clear(main, h("p", { class: "loading", role: "status" }, "正在加载…"));
    const root = h("div");
    try {
      await page(root, new URLSearchParams(location.search), m);
    } catch (e) {
      root.replaceChildren(h("p", { class: "error", role: "alert" }, `页面加载失败：${String(e)}`));
    }
    clear(main, root);
    // Keyboard users land on the page's first field, else at the start of the page.
    (main.querySelector<HTMLElement>("[data-autofocus]") ?? main).focus({ preventScroll: true });
    return;
  }
  document.title = "找不到页面 · 派驻监督协同工作台";
  clear(main, h("h1", {}, "找不到页面"), h("p", {}, h("a", { href: "/work" }, "回到我的工作")));
}

// Links inside the app change the page without reloading it.
document.addEventListener("click", (event) => {
  const a = (event.target as Element).closest("a");
  if (!a || a.target || a.origin !== location.origin || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (a.pathname.startsWith("/paizhu.")) return;
  event.preventDefault();
  if (a.pathname + a.search !== location.pathname + location.search) go(a.pathname + a.search);
  else if (a.hash) document.getElementById(a.hash.slice(1))?.focus();
});
addEventListener("popstate", () => void render());
void render();
