import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { except } from "hono/combine";
import { secureHeaders } from "hono/secure-headers";
import { VERSION } from "../../shared/version";
import { analysis } from "./analysis/routes";
import { requireWorkspace } from "./auth";
import type { AppEnv } from "./env";
import { ApiError, errorBody, handleError } from "./errors";
import { health } from "./health/routes";
import { openApiDocument } from "./openapi";
import { outreach } from "./outreach/routes";
import { unsubscribe } from "./outreach/unsubscribe";
import { drainRefusedBodies } from "./requestBody";
import { respondent } from "./respondent/routes";
import { surveys } from "./surveys/routes";
import { enrollment, workspace } from "./workspaces/routes";

let openApi: Record<string, unknown> | undefined;

/** Largest JSON body the API accepts by default; analysis routes set their own, larger limit. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The `/api/v1` routes. Health and enrollment come before the token middleware; everything
 * registered after it requires `Authorization: Bearer <workspace token>`.
 */
function api() {
  return new Hono<AppEnv>()
    .use(
      // The analysis routes stream their (much larger) bodies and enforce their own limit.
      except(
        (c) => c.req.path.startsWith("/api/v1/analyze/"),
        bodyLimit({
          maxSize: DEFAULT_BODY_LIMIT,
          onError: () => {
            throw new ApiError(
              413,
              "payload_too_large",
              `The request body is larger than ${DEFAULT_BODY_LIMIT} bytes.`,
            );
          },
        }),
      ),
    )
    .route("/health", health)
    .get("/openapi.json", (c) => {
      openApi ??= openApiDocument();
      return c.json(openApi);
    })
    .route("/workspaces", enrollment)
    .use(requireWorkspace)
    .route("/workspace", workspace)
    .route("/analyze", analysis)
    .route("/surveys", surveys)
    .route("/outreach", outreach);
}

export function createApp() {
  const app = new Hono<AppEnv>();
  app.use(drainRefusedBodies);
  // API answers carry tokens, links and answers: no browser or proxy may keep a copy.
  app.use("/api/*", async (c, next) => {
    await next();
    c.res.headers.set("Cache-Control", "no-store");
  });
  app.use(
    "/api/*",
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      xFrameOptions: "DENY",
    }),
  );
  // Respondent pages: each response sets its own Content-Security-Policy (with the stylesheet's hash).
  app.use("/s/*", secureHeaders({ contentSecurityPolicy: undefined, xFrameOptions: "DENY" }));
  app.route("/s", respondent);
  // Unsubscribe pages: the same headers as the survey pages.
  app.use("/u/*", secureHeaders({ contentSecurityPolicy: undefined, xFrameOptions: "DENY" }));
  app.route("/u", unsubscribe);
  app.get("/", (c) => c.json({ name: "rapport", version: VERSION, health: "/api/v1/health" }));
  app.route("/api/v1", api());
  app.notFound((c) =>
    c.json(errorBody("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`), 404),
  );
  app.onError(handleError);
  return app;
}
