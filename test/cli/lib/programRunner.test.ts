import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { type DeclaredResource, fakeNewResource, maskedInputs, runProgram } from "../../../cli/lib/programRunner";

const projectDir = path.join(__dirname, "fixtures", "tiny");
const CONTAINER = "docker:index/container:Container";

function byName(resources: DeclaredResource[], name: string): DeclaredResource {
  const found = resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${name} among ${resources.map((r) => r.name).join(", ")}`);
  return found;
}

describe("runProgram", () => {
  it("reports every resource in registration order with urn, provider and dependencies", async () => {
    const { resources } = await runProgram({ projectDir, stack: "tiny" });
    expect(resources.map((r) => `${r.type} ${r.name}`)).toEqual([
      "random:index/randomPassword:RandomPassword password",
      "pulumi:providers:docker host",
      `${CONTAINER} first`,
      `${CONTAINER} second`,
    ]);
    const provider = byName(resources, "host");
    const first = byName(resources, "first");
    expect(provider.urn).toBe("urn:pulumi:tiny::tiny::pulumi:providers:docker::host");
    expect(first.provider).toBe(`${provider.urn}::host-id`);
    expect(byName(resources, "second").dependencies).toContain(first.urn);
  });

  it("calls newResource for a dependent only after its dependency's create has returned", async () => {
    const events: string[] = [];
    await runProgram({
      projectDir,
      stack: "tiny",
      newResource: async (r) => {
        events.push(`start ${r.name}`);
        if (r.name === "first") await new Promise((done) => setTimeout(done, 300));
        events.push(`end ${r.name}`);
        return fakeNewResource(r);
      },
    });
    expect(events.indexOf("start second")).toBeGreaterThan(events.indexOf("end first"));
  });

  it("gives plain inputs and marks exactly the secret ones, so masking keeps plain neighbours", async () => {
    const { resources } = await runProgram({ projectDir, stack: "tiny" });
    const first = byName(resources, "first");
    expect(first.secretPaths).toEqual(["uploads[1].content"]);
    const uploads = first.inputs["uploads"] as { content: string }[];
    expect(uploads[1]?.content).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(maskedInputs(first)["uploads"]).toEqual([
      { file: "/etc/greeting", content: "hello" },
      { file: "/etc/password", content: "[secret]" },
    ]);
  });

  it("applies project defaults and stack values, treats secure values as unset, masks secret outputs", async () => {
    const { outputs, revealedOutputs } = await runProgram({ projectDir, stack: "tiny" });
    expect(outputs).toEqual({ firstName: "first-container", passwordOut: "[secret]", secretKey: "unset", settings: { size: 3 } });
    expect(revealedOutputs["passwordOut"]).toMatch(/^[A-Za-z0-9]{12}$/);
  });

  it("loads the program afresh each run, so config overrides take effect", async () => {
    await runProgram({ projectDir, stack: "tiny" });
    const { outputs } = await runProgram({ projectDir, stack: "tiny", config: { "tiny:firstName": "renamed" } });
    expect(outputs["firstName"]).toBe("renamed");
  });

  it("rejects with the create's error when a resource fails", async () => {
    const run = runProgram({
      projectDir,
      stack: "tiny",
      newResource: async (r) => {
        if (r.name === "second") throw new Error("engine refused second");
        return fakeNewResource(r);
      },
    });
    await expect(run).rejects.toThrow("1 resource(s) failed: engine refused second");
  });

  it("rejects with the program's own error, and the next run is unaffected", async () => {
    await expect(runProgram({ projectDir, stack: "tiny", config: { "tiny:firstName": undefined } })).rejects.toThrow(
      "Missing required configuration variable 'tiny:firstName'",
    );
    const { outputs } = await runProgram({ projectDir, stack: "tiny" });
    expect(outputs["firstName"]).toBe("first-container");
  });

  it("refuses a second run while one is under way", async () => {
    const first = runProgram({ projectDir, stack: "tiny" });
    await expect(runProgram({ projectDir, stack: "tiny" })).rejects.toThrow(
      "runProgram is already running in this process (Pulumi's runtime is process-wide: run stacks one after another)",
    );
    await first;
  });

  it("names the missing stack file", async () => {
    await expect(runProgram({ projectDir, stack: "nope" })).rejects.toThrow(`${path.join(projectDir, "Pulumi.nope.yaml")} does not exist`);
  });
});
