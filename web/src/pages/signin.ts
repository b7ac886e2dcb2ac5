import { h, put } from "../dom";
import { explain } from "../api";
import { forgetMe, loadMe } from "../me";
import { parseToken, signIn, signOut, takeNotice } from "../session";
import { go } from "../router";

// Sign in with the token the deployment gives (in dev: `paizhu login --dev --as CODE`,
// or the URL scripts/console-url prints, which carries it in the fragment: never sent to
// a server, removed from the address bar at once).
export function signinPage(root: HTMLElement, params: URLSearchParams) {
  const next = params.get("next") || "/work";
  const notice = takeNotice();
  const message = h("p", { class: "error", role: "alert", id: "signin-error" });
  const token = h("textarea", {
    id: "token", name: "token", rows: 5, required: true, spellcheck: "false",
    autocomplete: "off", "data-autofocus": true, "aria-describedby": "signin-help signin-error",
  });
  const submit = async (value: string) => {
    message.textContent = "";
    const parsed = parseToken(value);
    if (!parsed) {
      message.textContent = "这不是有效的登录令牌：请粘贴完整的令牌（三段，用“.”分隔）。";
      token.focus();
      return;
    }
    signIn(parsed.token);
    forgetMe();
    try {
      await loadMe();
      go(next.startsWith("/") && !next.startsWith("//") ? next : "/work");
    } catch (e) {
      signOut();
      message.textContent = `登录失败：${explain(e).text}`;
    }
  };
  const fromUrl = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromUrl) {
    history.replaceState(null, "", location.pathname + location.search);
    void submit(fromUrl);
  }
  put(root, 
    h("h1", {}, "登录"),
    notice ? h("p", { class: "notice", role: "status" }, notice) : null,
    h("form", {
      class: "card",
      onsubmit: (e: Event) => { e.preventDefault(); void submit(token.value); },
    },
      h("label", { for: "token" }, "登录令牌"),
      token,
      h("p", { class: "help", id: "signin-help" },
        "粘贴系统发给您的登录令牌。开发环境：运行 ",
        h("code", {}, "scripts/console-url 人员编号"), "，打开它打印的地址即可。"),
      message,
      h("button", { type: "submit" }, "登录"),
    ),
  );
}
