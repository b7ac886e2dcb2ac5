// The console's only way out: the gateway's Connect JSON port, same origin, with the
// signed-in person's bearer token. Types and service descriptors come from protos/.
import { Code, ConnectError, createClient, type Interceptor } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-web";
import { BadRequestSchema, ErrorInfoSchema } from "./gen/google/rpc/error_details_pb";
import { ClueService } from "./gen/paizhu/clue/v1/clue_pb";
import { OrgService } from "./gen/paizhu/org/v1/org_pb";
import { AssessService, ReportService } from "./gen/paizhu/assess/v1/assess_pb";
import { session, signOut } from "./session";
import { reasonText } from "./labels";

const bearer: Interceptor = (next) => async (req) => {
  const token = session()?.token;
  if (token) req.header.set("Authorization", `Bearer ${token}`);
  try {
    return await next(req);
  } catch (e) {
    // An expired or revoked token: back to the sign-in page, with why.
    if (e instanceof ConnectError && e.code === Code.Unauthenticated && token) {
      signOut("登录已失效，请重新登录。");
    }
    throw e;
  }
};

const transport = createConnectTransport({
  baseUrl: location.origin,
  useBinaryFormat: false,
  interceptors: [bearer],
  // snake_case as the gateway answers; unknown fields (a newer gateway) are fine.
  jsonOptions: { ignoreUnknownFields: true },
});

export const clue = createClient(ClueService, transport);
export const org = createClient(OrgService, transport);
export const assess = createClient(AssessService, transport);
export const report = createClient(ReportService, transport);

export interface Problem {
  reason: string;
  field: string;
  text: string;  // in plain words, for the person
}

// The service's error reason (google.rpc.ErrorInfo) and field (BadRequest), in words.
export function explain(e: unknown): Problem {
  const err = ConnectError.from(e);
  const reason = err.findDetails(ErrorInfoSchema)[0]?.reason ?? "";
  const field = err.findDetails(BadRequestSchema)[0]?.fieldViolations[0]?.field ?? "";
  let text = reasonText(reason, err.code);
  if (field) text += `（字段：${field}）`;
  return { reason, field, text: `${text} [${reason || Code[err.code]}] ${err.rawMessage}`.trim() };
}

export function isNotFound(e: unknown): boolean {
  return ConnectError.from(e).code === Code.NotFound;
}
