import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { ApiError } from "./errors";

// zod/mini carries no messages of its own (the add-on never shows them); the API's say what is wrong.
z.config(en());

// The media types Hono's JSON validator reads; with any other it validates `{}` instead of the body.
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * zod validation for a request part; a failure becomes a 400 `validation_failed` error whose
 * message names the first bad field and whose details list every issue. A JSON body sent under
 * another media type is refused as such (415), not judged as an empty object.
 */
export function validate<T extends z.ZodMiniType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (target === "json" && c.req.raw.body !== null) {
      const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim() ?? "";
      if (!JSON_MEDIA_TYPE.test(mediaType)) {
        throw new ApiError(
          415,
          "unsupported_media_type",
          `The body must be JSON sent with Content-Type: application/json (found ${mediaType ? `"${mediaType}"` : "no Content-Type"}).`,
        );
      }
    }
    if (result.success) return;
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    }));
    const first = issues[0];
    const where = first?.path ? `${first.path}: ` : "";
    throw new ApiError(400, "validation_failed", `Invalid ${target}: ${where}${first?.message ?? "bad input"}`, {
      issues,
    });
  });
}
