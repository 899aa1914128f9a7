import { describe, expect, it } from "vitest";
import tar from "tar-stream";
import { tarOf, uploadEntry } from "../../../../engine/providers/docker/uploads";

function readTar(buffer: Buffer): Promise<{ header: tar.Headers; content: string }[]> {
  const extract = tar.extract();
  const entries: { header: tar.Headers; content: string }[] = [];
  return new Promise((resolve, reject) => {
    extract.on("entry", (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        entries.push({ header, content: Buffer.concat(chunks).toString("utf8") });
        next();
      });
    });
    extract.on("finish", () => resolve(entries));
    extract.on("error", reject);
    extract.end(buffer);
  });
}

describe("uploads", () => {
  it("uses permissions and numeric owner/group for the tar entry", async () => {
    const entry = uploadEntry({ file: "/var/lib/rabbitmq/.erlang.cookie", content: "c00kie", permissions: "0400", owner: "999", group: "999" }, "u");
    const [only, ...rest] = await readTar(await tarOf(entry));
    expect(rest).toEqual([]);
    expect(only?.content).toBe("c00kie");
    expect(only?.header).toMatchObject({ name: "/var/lib/rabbitmq/.erlang.cookie", mode: 0o400, uid: 999, gid: 999, size: 6 });
  });

  it("defaults to 0644, and 0744 when executable", () => {
    expect(uploadEntry({ file: "/a", content: "x" }, "u").mode).toBe(0o644);
    expect(uploadEntry({ file: "/a", content: "x", executable: true }, "u").mode).toBe(0o744);
  });

  it("decodes contentBase64 to raw bytes", () => {
    expect(uploadEntry({ file: "/a", contentBase64: Buffer.from([0, 255]).toString("base64") }, "u").content).toEqual(Buffer.from([0, 255]));
  });

  it("refuses two content sources, as the provider does", () => {
    expect(() => uploadEntry({ file: "/a", content: "x", contentBase64: "eA==" }, "uploads[0]")).toThrow(
      "uploads[0]: exactly one of content, contentBase64 or source must be set (got 2)",
    );
  });

  it("refuses a mode that is not octal", () => {
    expect(() => uploadEntry({ file: "/a", content: "x", permissions: "rw-" }, "uploads[1]")).toThrow(
      'uploads[1]: permissions "rw-" is not an octal mode like 0400',
    );
  });
});
