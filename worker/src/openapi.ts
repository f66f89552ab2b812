import * as z from "zod/mini";
import { ANALYSIS_BODY_LIMIT, ClvQuery, RfmQuery, SegmentsQuery } from "../../shared/api/analysis";
import { ClvResponse, RfmResponse, SegmentsResponse } from "../../shared/api/analysisResponses";
import {
  EnrollmentRequest,
  EnrollmentResponse,
  ErrorBody,
  HealthResponse,
  RevokeResponse,
  WorkspaceResponse,
} from "../../shared/api/common";
import {
  ClaimRequest,
  ClaimResponse,
  LedgerPage,
  LedgerQuery,
  OptOutsResponse,
  ResultsRequest,
  ResultsResponse,
  UnsubscribeLinksRequest,
  UnsubscribeLinksResponse,
} from "../../shared/api/outreach";
import {
  CreateSurveyRequest,
  LinksRequest,
  LinksResponse,
  ResponsesPage,
  ResponsesQuery,
  SummaryQuery,
  Survey,
  SurveyList,
  SurveySummary,
  UpdateSurveyRequest,
} from "../../shared/api/surveys";
import { VERSION } from "../../shared/version";

/**
 * The API reference as an OpenAPI 3.1 document, generated from the same zod schemas the Worker
 * validates with and the add-on checks answers with (zod's own JSON Schema output: no second
 * description to drift). Served at `GET /api/v1/openapi.json`; a test checks that every
 * `/api/v1` route of the app is described here.
 */

type Auth = "none" | "enrollment" | "workspace";

export interface ApiOperation {
  readonly method: "get" | "post" | "patch" | "delete";
  /** OpenAPI path: `{id}` where Hono writes `:id`. */
  readonly path: string;
  readonly summary: string;
  readonly auth: Auth;
  /** What `{id}` in the path is, when it is not a survey's id. */
  readonly idIs?: string;
  readonly query?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType | "csv";
  readonly status: 200 | 201;
  readonly response: z.ZodMiniType;
}

const id = { name: "id", description: "The survey's id" };

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/health",
    summary: "Is the Worker up, and which version",
    auth: "none",
    status: 200,
    response: HealthResponse,
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This document",
    auth: "none",
    status: 200,
    response: z.looseObject({ openapi: z.string() }),
  },
  {
    method: "post",
    path: "/api/v1/workspaces",
    summary: "Enroll a spreadsheet with the owner's enrollment key; returns the workspace token once",
    auth: "enrollment",
    body: EnrollmentRequest,
    status: 201,
    response: EnrollmentResponse,
  },
  {
    method: "post",
    path: "/api/v1/workspaces/{id}/tokens",
    idIs: "The workspace's id (Settings shows it)",
    summary:
      "Reconnect a spreadsheet to its existing workspace with the enrollment key and the workspace's id; returns a new token once",
    auth: "enrollment",
    status: 201,
    response: EnrollmentResponse,
  },
  {
    method: "get",
    path: "/api/v1/workspace",
    summary: "The token's workspace",
    auth: "workspace",
    status: 200,
    response: WorkspaceResponse,
  },
  {
    method: "delete",
    path: "/api/v1/workspace/token",
    summary: "Revoke the caller's own token (the spreadsheet forgets its enrollment); the workspace stays",
    auth: "workspace",
    status: 200,
    response: RevokeResponse,
  },
  {
    method: "post",
    path: "/api/v1/analyze/clv",
    summary: "Fit a purchase model (and Gamma-Gamma spend) to transactions; predictions per customer",
    auth: "workspace",
    query: ClvQuery,
    body: "csv",
    status: 200,
    response: ClvResponse,
  },
  {
    method: "post",
    path: "/api/v1/analyze/segments",
    summary: "Cluster customers by recency, frequency and spend",
    auth: "workspace",
    query: SegmentsQuery,
    body: "csv",
    status: 200,
    response: SegmentsResponse,
  },
  {
    method: "post",
    path: "/api/v1/analyze/rfm",
    summary: "RFM scores and segments per customer",
    auth: "workspace",
    query: RfmQuery,
    body: "csv",
    status: 200,
    response: RfmResponse,
  },
  {
    method: "post",
    path: "/api/v1/surveys",
    summary: "Create a survey",
    auth: "workspace",
    body: CreateSurveyRequest,
    status: 201,
    response: Survey,
  },
  {
    method: "get",
    path: "/api/v1/surveys",
    summary: "The workspace's surveys",
    auth: "workspace",
    status: 200,
    response: SurveyList,
  },
  {
    method: "get",
    path: "/api/v1/surveys/{id}",
    summary: "One survey",
    auth: "workspace",
    status: 200,
    response: Survey,
  },
  {
    method: "patch",
    path: "/api/v1/surveys/{id}",
    summary: "Change a survey's texts and limits, or close it",
    auth: "workspace",
    body: UpdateSurveyRequest,
    status: 200,
    response: Survey,
  },
  {
    method: "post",
    path: "/api/v1/surveys/{id}/links",
    summary: "Signed personal links for contacts, with each contact's throttle state",
    auth: "workspace",
    body: LinksRequest,
    status: 200,
    response: LinksResponse,
  },
  {
    method: "get",
    path: "/api/v1/surveys/{id}/responses",
    summary: "A page of answers in change order (edited answers come again)",
    auth: "workspace",
    query: ResponsesQuery,
    status: 200,
    response: ResponsesPage,
  },
  {
    method: "get",
    path: "/api/v1/surveys/{id}/summary",
    summary: "The survey's score with its interval",
    auth: "workspace",
    query: SummaryQuery,
    status: 200,
    response: SurveySummary,
  },
  {
    method: "post",
    path: "/api/v1/outreach/claims",
    summary: "Claim contacts before emailing them: each is sent at most once per campaign and occurrence",
    auth: "workspace",
    body: ClaimRequest,
    status: 200,
    response: ClaimResponse,
  },
  {
    method: "post",
    path: "/api/v1/outreach/results",
    summary: "Report which claimed emails were sent and which failed (a failed one may be claimed again)",
    auth: "workspace",
    body: ResultsRequest,
    status: 200,
    response: ResultsResponse,
  },
  {
    method: "get",
    path: "/api/v1/outreach/ledger",
    summary: "A campaign's sends in the order they were claimed, for the sheet's status columns",
    auth: "workspace",
    query: LedgerQuery,
    status: 200,
    response: LedgerPage,
  },
  {
    method: "post",
    path: "/api/v1/outreach/unsubscribe-links",
    summary: "Signed unsubscribe links for contacts",
    auth: "workspace",
    body: UnsubscribeLinksRequest,
    status: 200,
    response: UnsubscribeLinksResponse,
  },
  {
    method: "get",
    path: "/api/v1/outreach/opt-outs",
    summary: "The contacts who unsubscribed: never emailed again by this workspace",
    auth: "workspace",
    status: 200,
    response: OptOutsResponse,
  },
];

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodMiniType, io: "input" | "output"): JsonSchema {
  // Refinements and transforms have no JSON Schema form: they are described as what they accept.
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** Query options as OpenAPI parameters, one per property of the query object. */
function queryParameters(query: z.ZodMiniObject): JsonSchema[] {
  const json = schemaOf(query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: (json.required ?? []).includes(name),
    schema,
  }));
}

const ERROR_RESPONSE = {
  description: "The one error shape",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

function operation(op: ApiOperation): JsonSchema {
  const parameters: JsonSchema[] = [];
  if (op.path.includes("{id}")) {
    const description = op.idIs ?? id.description;
    parameters.push({ ...id, description, in: "path", required: true, schema: { type: "string" } });
  }
  if (op.query) parameters.push(...queryParameters(op.query));
  const out: JsonSchema = {
    summary: op.summary,
    operationId: `${op.method}${op.path
      .replace(/^\/api\/v1/, "")
      .replace(/[{}]/g, "")
      .replace(/[/.-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    security: op.auth === "none" ? [] : [{ [op.auth === "workspace" ? "workspaceToken" : "enrollmentKey"]: [] }],
    responses: {
      [op.status]: {
        description: "Success",
        content: { "application/json": { schema: schemaOf(op.response, "output") } },
      },
      "4XX": ERROR_RESPONSE,
      "5XX": ERROR_RESPONSE,
    },
  };
  if (parameters.length) out.parameters = parameters;
  if (op.body === "csv") {
    out.requestBody = {
      required: true,
      description: `Transactions as CSV (customer_id, date, amount), at most ${ANALYSIS_BODY_LIMIT} bytes`,
      content: { "text/csv": { schema: { type: "string" } } },
    };
  } else if (op.body) {
    out.requestBody = { required: true, content: { "application/json": { schema: schemaOf(op.body, "input") } } };
  }
  return out;
}

/** The whole document; built once per isolate, on first request. */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of API_OPERATIONS) {
    const item = paths[op.path] ?? {};
    item[op.method] = operation(op);
    paths[op.path] = item;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Rapport Worker API",
      version: VERSION,
      description:
        "Surveys, answers and heavy analysis for the Rapport Google Sheets add-on. Every failure answers " +
        '{"error": {"code", "message", "details"?}} with a stable code. Respondent pages under /s/ are HTML forms and are not part of this API.',
    },
    paths,
    components: {
      schemas: { Error: schemaOf(ErrorBody, "output") },
      securitySchemes: {
        workspaceToken: {
          type: "http",
          scheme: "bearer",
          description: "The workspace token from POST /api/v1/workspaces",
        },
        enrollmentKey: { type: "http", scheme: "bearer", description: "The Worker owner's ENROLLMENT_KEY" },
      },
    },
  };
}
