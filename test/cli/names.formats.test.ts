import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { SystemCatalog } from "../../cli/names/catalog";
import { camelIdentifier, fileNameFor, renderNames } from "../../cli/names/formats";

const sale: SystemCatalog = {
  system: "SALE",
  key: "sale",
  entries: [
    { path: ["sale", "exchange", "to-product", "name"], value: "SALE_TO_PRODUCT_EXCHANGE" },
    { path: ["sale", "exchange", "to-product", "bindings", 0, "routing-key"], value: "sale.#" },
    { path: ["sale", "exchange", "to-product", "bindings", 1, "routing-key"], value: " caf\u00e9\\x" },
    { path: ["sale", "queue", "main", "retry", "max-attempts"], value: 3 },
  ],
};

describe("renderNames", () => {
  it("writes Spring-style properties with list indexes and escaped values", () => {
    expect(renderNames([sale], "properties", "banner")).toBe([
      "# banner",
      "",
      "# ---- SALE ----",
      "sale.exchange.to-product.name=SALE_TO_PRODUCT_EXCHANGE",
      "sale.exchange.to-product.bindings[0].routing-key=sale.#",
      "sale.exchange.to-product.bindings[1].routing-key=\\ caf\\u00e9\\\\x",
      "sale.queue.main.retry.max-attempts=3",
      "",
    ].join("\n"));
  });

  it("writes JSON as the nested object the keys describe, numbers as numbers", () => {
    expect(JSON.parse(renderNames([sale], "json", "banner"))).toEqual({
      sale: {
        exchange: { "to-product": { name: "SALE_TO_PRODUCT_EXCHANGE", bindings: [{ "routing-key": "sale.#" }, { "routing-key": " caf\u00e9\\x" }] } },
        queue: { main: { retry: { "max-attempts": 3 } } },
      },
    });
  });

  it("writes a TypeScript module that compiles, one constant per system", () => {
    const source = renderNames([sale, { ...sale, system: "9LIVES", key: "9lives" }], "ts", "banner");
    const out = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS } });
    expect(out.diagnostics).toEqual([]);
    const exports: Record<string, any> = {};
    new Function("exports", out.outputText)(exports);
    expect(Object.keys(exports)).toEqual(["SALE_MQ", "_9LIVES_MQ"]);
    expect(exports.SALE_MQ.queue.main.retry.maxAttempts).toBe(3);
    expect(exports.SALE_MQ.exchange.toProduct.bindings[0].routingKey).toBe("sale.#");
    expect(source).not.toMatch(/"[^"]*-[^"]*":/);
  });

  it.each([
    ["to-product", "toProduct"],
    ["max-attempts", "maxAttempts"],
    ["to-product-in-sale-vhost", "toProductInSaleVhost"],
    ["9lives", "_9lives"],
    ["main", "main"],
  ])("TypeScript key %s -> %s", (key, id) => expect(camelIdentifier(key)).toBe(id));

  it("names one file per system the seed's way", () => {
    expect(fileNameFor(sale, "properties")).toBe("sale_mq.properties");
  });
});
