/**
 * What `runProgram` answers when nobody applies resources for real: ids derived from names and
 * inputs echoed as outputs, plus the outputs other resources read (a generated password, an
 * image id). Enough for the program to finish and for its graph to be inspected.
 */
import { createHash, randomInt } from "node:crypto";
import type { CreatedState, DeclaredResource } from "./declaredResource";
import { PROVIDERS } from "../../engine/providers/handlers";

/** Keys and certificates are made for real (throwaway, the offline engine's tls stand-in): checks downstream parse them. */
const MADE_FOR_REAL = ["tls:index/privateKey:PrivateKey", "tls:index/selfSignedCert:SelfSignedCert", "tls:index/certRequest:CertRequest", "tls:index/locallySignedCert:LocallySignedCert"];

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomText(length: number): string {
  return Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join("");
}

const FAKE_OUTPUTS: Readonly<Record<string, (r: DeclaredResource) => Record<string, unknown>>> = {
  // A real random value, so nothing downstream can mistake it for a known constant.
  "random:index/randomPassword:RandomPassword": (r) => ({ result: randomText(Number(r.inputs["length"] ?? 16)) }),
  "random:index/randomString:RandomString": (r) => ({ result: randomText(Number(r.inputs["length"] ?? 16)) }),
  // Stable per image name, like a real image id for unchanged content.
  "docker:index/remoteImage:RemoteImage": (r) => ({
    imageId: `sha256:${createHash("sha256").update(String(r.inputs["name"])).digest("hex")}`,
  }),
};

export async function fakeNewResource(resource: DeclaredResource): Promise<CreatedState> {
  if (!resource.custom) return { id: "", state: {} };
  const provider = MADE_FOR_REAL.includes(resource.type) ? PROVIDERS[resource.type] : undefined;
  if (provider) {
    const made = await provider.create({ resource: { type: resource.type, name: resource.name, urn: resource.name }, inputs: resource.inputs, providerInputs: undefined, testLabels: {} });
    return { id: made.id, state: made.state };
  }
  return {
    id: `${resource.name}-id`,
    state: { ...resource.inputs, ...(FAKE_OUTPUTS[resource.type]?.(resource) ?? {}) },
  };
}
