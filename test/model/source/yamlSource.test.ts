import { describe, expect, it } from "vitest";
import { formatPath, parseYamlSource, positionOf } from "../../../model/source/yamlSource";

const TEXT = `config:
  rabbitmq-ha:cluster:
    version: "3.13"
    nodes:
      - hostname: a
        type: ram
    flow: {x: 1}
`;

describe("YAML positions", () => {
  const { source, diagnostics } = parseYamlSource("Pulumi.x.yaml", TEXT);

  it.each<[(string | number)[], boolean, string]>([
    [["config", "rabbitmq-ha:cluster", "version"], false, "3:14"],
    [["config", "rabbitmq-ha:cluster", "nodes", 0, "type"], false, "6:15"],
    [["config", "rabbitmq-ha:cluster", "nodes", 0, "type"], true, "6:9"],
    [["config", "rabbitmq-ha:cluster", "nodes"], false, "4:5"],
    [["config", "rabbitmq-ha:cluster", "nodes", 0, "address"], false, "5:9"],
    [["config", "rabbitmq-ha:cluster", "image"], false, "2:3"],
    [["config", "rabbitmq-ha:cluster", "flow", "x"], false, "7:15"],
  ])("%j (key %s) is at %s", (path, atKey, expected) => {
    const { line, column } = positionOf(source, path, atKey);
    expect(diagnostics).toEqual([]);
    expect(`${line}:${column}`).toBe(expected);
  });

  it("puts problems of an empty document at its start, and knows no position without a file", () => {
    expect(positionOf(parseYamlSource("empty.yaml", "").source, ["queues"])).toEqual({ line: 1, column: 1 });
    expect(positionOf(undefined, ["queues"])).toEqual({ line: 0, column: 0 });
  });

  it("formats paths the way messages show them", () => {
    expect(formatPath(["config", "rabbitmq-ha:cluster", "nodes", 1, "type"])).toBe("config.rabbitmq-ha:cluster.nodes[1].type");
    expect(formatPath(["bindings", 0, "arguments", "x.match"])).toBe('bindings[0].arguments["x.match"]');
  });

  it.each<[string, string, string]>([
    ["an unclosed flow sequence, at its [", "queues:\n  - name: X\n    vhost: [A, B\n    durable: true\nusers: []\n", "3:12 invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"],
    ["an unclosed flow map, at its {", "queues:\n  - name: X\n    arguments: {a: 1\n    durable: true\n", "3:16 invalid YAML: Flow map in block collection must be sufficiently indented and end with a }"],
    ["an unclosed flow sequence at the end of the file", "system: A\nvhosts: [\n", "2:9 invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"],
    ["an unclosed quote, at the quote", "queues:\n  - name: 'X\n    vhost: A\n    durable: true\nusers: []\n", "2:11 invalid YAML: Missing closing 'quote"],
    ["a tab as indentation, without what follows from it", "queues:\n  - name: X\n\tvhost: A\n    durable: true\n", "3:1 invalid YAML: Tabs are not allowed as indentation"],
    ["a value followed by a more indented key", "queues:\n  - name: X\n    vhost: A\n      type: quorum\n", "3:12 invalid YAML: Nested mappings are not allowed in compact mappings"],
  ])("reports %s, once and at the right line", (_, text, expected) => {
    expect(parseYamlSource("a.yaml", text).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([expected]);
  });

  it("reports every duplicate key when the syntax is otherwise fine", () => {
    expect(parseYamlSource("a.yaml", "a: 1\na: 2\nb: 1\nb: 2\n").diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      "2:1 invalid YAML: Map keys must be unique",
      "4:1 invalid YAML: Map keys must be unique",
    ]);
  });

  it("reports syntax errors and duplicate keys with their position", () => {
    expect(parseYamlSource("a.yaml", "a: 1\na: 2\n").diagnostics).toEqual([
      { severity: "error", file: "a.yaml", line: 2, column: 1, path: "", message: "invalid YAML: Map keys must be unique" },
    ]);
  });
});
