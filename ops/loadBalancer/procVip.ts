/**
 * Who holds the VIP, read without `docker exec`: a container's network namespace lists its
 * local addresses in /proc/<pid>/net/fib_trie, readable from the Docker host itself. A file
 * read instead of a process spawned in the container, so it can sample every few milliseconds
 * without loading the load balancers it watches (a `docker exec` storm starves their track
 * scripts on a 2-core machine). Only where the program runs on the Docker host (local engine).
 */
import { readFile } from "node:fs/promises";
import type Docker from "dockerode";

/** True when fib_trie lists `address` as a local /32 (`|-- <address>` then `/32 host LOCAL`). */
export function fibTrieHasLocal(fibTrie: string, address: string): boolean {
  const lines = fibTrie.split("\n");
  return lines.some((line, i) => line.trim() === `|-- ${address}` && (lines[i + 1] ?? "").includes("/32 host LOCAL"));
}

/** Samples the holders of `vip` among `containers` (names) on the local engine; pids are re-read when a container is replaced. */
export function procVipSampler(docker: Docker, containers: readonly string[], vip: string): () => Promise<string[]> {
  const pids = new Map<string, number>();
  const pidOf = async (name: string): Promise<number | undefined> => {
    const known = pids.get(name);
    if (known !== undefined) return known;
    const info = await docker.getContainer(name).inspect().catch(() => undefined);
    const pid = info?.State.Running ? info.State.Pid : undefined;
    if (pid) pids.set(name, pid);
    return pid;
  };
  const holds = async (name: string): Promise<boolean> => {
    const pid = await pidOf(name);
    if (pid === undefined) return false;
    try {
      return fibTrieHasLocal(await readFile(`/proc/${pid}/net/fib_trie`, "utf8"), vip);
    } catch {
      pids.delete(name); // the process is gone: the container stopped or was replaced
      return false;
    }
  };
  return async () => {
    const held = await Promise.all(containers.map(holds));
    return containers.filter((_, i) => held[i]);
  };
}
