/** The stack files of a project directory, and the project's name from Pulumi.yaml. */
import * as fs from "node:fs";
import * as path from "node:path";

/** Stack names with a Pulumi.<stack>.yaml in the project directory. */
export function listStacks(projectDir: string): string[] {
  try {
    return fs
      .readdirSync(projectDir)
      .map((name) => /^Pulumi\.(.+)\.ya?ml$/.exec(name)?.[1])
      .filter((name): name is string => name !== undefined)
      .sort();
  } catch {
    return [];
  }
}

export function projectName(projectDir: string): string {
  try {
    const text = fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8");
    return /^name:\s*(\S+)/m.exec(text)?.[1] ?? "rabbitmq-ha";
  } catch {
    return "rabbitmq-ha";
  }
}
