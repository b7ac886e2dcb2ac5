// The signed-in person: the token the deployment gave them, kept for this tab only.
const KEY = "paizhu.token";

export interface Session {
  token: string;
  person: string;  // bare person code, the token's subject
  expires: number;  // unix seconds; 0 when the token does not say
}

export function parseToken(token: string): Session | null {
  const parts = token.trim().split(".");
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, "+").replace(/_/g, "/"));
    const claims = JSON.parse(json) as { sub?: unknown; exp?: unknown };
    if (typeof claims.sub !== "string" || !claims.sub) return null;
    return { token: token.trim(), person: claims.sub, expires: Number(claims.exp) || 0 };
  } catch {
    return null;
  }
}

export function session(): Session | null {
  const token = sessionStorage.getItem(KEY);
  const parsed = token ? parseToken(token) : null;
  if (parsed && parsed.expires && parsed.expires * 1000 < Date.now()) return null;
  return parsed;
}

export function signIn(token: string) {
  sessionStorage.setItem(KEY, token.trim());
}

let notice = "";
export function signOut(why = "") {
  sessionStorage.removeItem(KEY);
  notice = why;
  history.pushState(null, "", "/signin");
  dispatchEvent(new PopStateEvent("popstate"));
}

export function takeNotice(): string {
  const n = notice;
  notice = "";
  return n;
}
