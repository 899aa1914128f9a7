/**
 * @peculiar/x509 needs the Reflect metadata API at load (its dependency tsyringe checks
 * `Reflect.getMetadata`): the `reflect-metadata` polyfill comes first.
 */
import "reflect-metadata";

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const x509 = require("@peculiar/x509") as typeof import("@peculiar/x509");
