/**
 * A plan as `pulumi preview` prints it: one line per resource that changes (`+` create,
 * `~` update, `+-` replace, `-` delete, with the properties that cause it), then the summary
 * line with the counts.
 */
import type { PlanCounts, Step } from "../types";

const SYMBOL: Readonly<Record<Step["kind"], string>> = { same: " ", create: "+", update: "~", replace: "+-", delete: "-" };

export function planLines(steps: readonly Step[]): string[] {
  return steps
    .filter((s) => s.kind !== "same")
    .map((s) => {
      const how = s.kind === "replace" ? (s.deleteBeforeReplace ? "replace (delete-before-replace)" : "replace (create-before-delete)") : s.kind;
      const why = s.reasons.length > 0 ? `  [${s.reasons.join("; ")}]` : "";
      return ` ${SYMBOL[s.kind].padEnd(2)} ${s.type.padEnd(46)} ${s.name.padEnd(52)} ${how}${why}`;
    });
}

export function summaryLine(counts: PlanCounts): string {
  const parts = [
    counts.create > 0 ? `+ ${counts.create} to create` : "",
    counts.update > 0 ? `~ ${counts.update} to update` : "",
    counts.replace > 0 ? `+-${counts.replace} to replace` : "",
    counts.delete > 0 ? `- ${counts.delete} to delete` : "",
    `${counts.same} unchanged`,
  ].filter(Boolean);
  return `Resources: ${parts.join(", ")}`;
}
