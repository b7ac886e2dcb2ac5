// Who the signed-in person is: their roles (each in a unit) and the posts they hold, read
// from the organisation service once per sign-in.
import { org } from "./api";
import { session } from "./session";

export interface Grant {
  role: string;
  unit: string;  // units/{code}; empty for admin
}
export interface Me {
  person: string;  // people/{code}
  code: string;
  name: string;
  roles: Grant[];
  posts: { unit: string; post: string }[];
  unitNames: Map<string, string>;
}

let cached: { token: string; me: Promise<Me> } | null = null;

export function loadMe(): Promise<Me> {
  const s = session();
  if (!s) return Promise.reject(new Error("not signed in"));
  if (cached?.token !== s.token) cached = { token: s.token, me: fetchMe(s.person) };
  return cached.me;
}

export function forgetMe() {
  cached = null;
}

async function fetchMe(code: string): Promise<Me> {
  const person = await org.getPerson({ name: `people/${code}` });
  const roles = person.roles.map((r) => {
    const [role, unit = ""] = r.split("@");
    return { role, unit };
  });
  const posts = person.assignments
    .filter((a) => !a.toDate)
    .map((a) => ({ unit: a.unit, post: a.post }));
  const me: Me = { person: person.name, code, name: person.displayName, roles, posts, unitNames: new Map() };
  const units = new Set([...roles.map((r) => r.unit), ...posts.map((p) => p.unit)].filter(Boolean));
  await Promise.all([...units].map((u) => unitName(me, u)));
  return me;
}

// A unit's display name, read once; the code when it cannot be read.
export async function unitName(me: Me, unit: string): Promise<string> {
  if (!unit) return "";
  if (!me.unitNames.has(unit)) {
    try {
      me.unitNames.set(unit, (await org.getUnit({ name: unit })).displayName || unit);
    } catch {
      me.unitNames.set(unit, unit.replace(/^units\//, ""));
    }
  }
  return me.unitNames.get(unit)!;
}

export function hasRole(me: Me, role: string, unit?: string): boolean {
  return me.roles.some((r) => r.role === role && (unit === undefined || r.unit === unit));
}

// Mirrors the clue service's rule (CheckActsOn): case management, the handling unit's
// group, office or township role, or a named handler. The service decides; this only
// keeps buttons away that would be refused.
export function actsOn(me: Me, handlingUnit: string, handlers: string[]): boolean {
  if (hasRole(me, "case_manager")) return true;
  if (["group", "office", "township"].some((role) => hasRole(me, role, handlingUnit))) return true;
  return handlers.includes(me.person);
}

// The approver the service names in a proposal ("the leader of units/G01", "a
// commission leader", "role office in units/O01"), matched against the caller.
export function mayApprove(me: Me, approver: string, proposedBy: string): boolean {
  if (proposedBy === me.person) return false;
  if (approver === "a commission leader") return hasRole(me, "commission_leader");
  let m = /^the (\w+) of (units\/\S+)$/.exec(approver);
  if (m) {
    const [, post, unit] = m;
    return hasRole(me, "group", unit) && me.posts.some((p) => p.unit === unit && p.post === post);
  }
  m = /^role (\w+) in (units\/\S+)$/.exec(approver);
  return m !== null && hasRole(me, m[1], m[2]);
}
