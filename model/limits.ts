/**
 * Container limits in the model's units, and what follows from them: the memory watermark a node
 * gets, and how much memory a Docker host's containers ask for together.
 */
import { sizeBytes } from "./units";

export const MIB = 1024 * 1024;

/** Docker limits of one container. */
export interface ContainerLimits {
  /** Memory limit in MiB (the unit of docker.Container `memory`). */
  readonly memoryMiB: number;
  /** CPUs (Docker --cpus, a CFS quota). */
  readonly cpus: number;
}

/** A size from the stack file (schema-checked) -> whole MiB, rounded down (Docker's provider takes MB). */
export function memoryMiB(size: string): number {
  return Math.floor(sizeBytes(size) / MIB);
}

export function limitsOf(input: { readonly memory: string; readonly cpus: number }): ContainerLimits {
  return { memoryMiB: memoryMiB(input.memory), cpus: input.cpus };
}

export const limitBytes = (limits: ContainerLimits): number => limits.memoryMiB * MIB;

/**
 * vm_memory_high_watermark.absolute for a node: the configured fraction of its container's limit.
 * RabbitMQ's docs recommend an absolute threshold in containers: a relative one is taken of the
 * RAM the node detects, which is the host's where it cannot read the cgroup's limit
 * (https://www.rabbitmq.com/docs/memory, "Absolute Memory Limit").
 */
export function watermarkBytes(relative: number, limits: ContainerLimits): number {
  return Math.floor(relative * limitBytes(limits));
}

/** The `--cpus` value as Docker's provider takes it (a string) and the stand-in reads it back. */
export const cpusInput = (limits: ContainerLimits): string => String(limits.cpus);
