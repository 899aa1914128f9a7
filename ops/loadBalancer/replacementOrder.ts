/**
 * In which order the load balancers are (re)placed, one after another: the VIP holder last.
 *
 * Why: replacing the non-holder first costs clients nothing (it carries no traffic); the holder
 * then hands the VIP to a peer that already runs the new config, and its own replacement comes
 * back as BACKUP (preempt false) or takes the VIP back (preempt true). So with preempt false
 * the VIP moves exactly once per change; replacing the holder first would move it twice.
 * Without exactly one holder (nothing deployed yet, a preview against nothing, a split brain)
 * the config order stands: on a first deploy the first instance comes up alone and takes the VIP.
 */
export function replacementOrder(names: readonly string[], holders: readonly string[]): string[] {
  const inPair = holders.filter((h) => names.includes(h));
  if (inPair.length !== 1) return [...names];
  const holder = inPair[0];
  return [...names.filter((n) => n !== holder), holder as string];
}

/** The instance to wait for before (re)placing `name`: its predecessor in `order`, if any. */
export function predecessorIn(order: readonly string[], name: string): string | undefined {
  const at = order.indexOf(name);
  return at > 0 ? order[at - 1] : undefined;
}
