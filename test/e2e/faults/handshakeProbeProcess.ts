/**
 * The handshake probe in a process of its own (forked by RemoteHandshakeProbe): the suite's own
 * process runs the Pulumi program and the engine, whose synchronous work (module loading, state
 * sealing) blocks its event loop for seconds; a probe timed on that loop would count the stall
 * as an outage of the cluster (seen: 1.7-4.8 s "outages" on updates that changed nothing).
 * Argv: host port. Messages: "stop" in, the HandshakeMeasurement out.
 */
import { HandshakeProbe } from "./handshakeProbe";

const [host, port] = process.argv.slice(2);
if (host === undefined || port === undefined || process.send === undefined) {
  process.stderr.write("usage: forked with IPC, argv: host port\n");
  process.exit(2);
}
const probe = new HandshakeProbe(host, Number(port));
process.send("started");
process.on("message", (message) => {
  if (message !== "stop") return;
  void probe.stop().then((measurement) => process.send?.(measurement, () => process.exit(0)));
});
process.on("disconnect", () => process.exit(0));
