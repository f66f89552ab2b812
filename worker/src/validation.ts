import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { ApiError } from "./errors";

/**
 * zod validation for a request part; a failure becomes a 400 `validation_failed` error whose
 * message names the first bad field and whose details list every issue.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
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
