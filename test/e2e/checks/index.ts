/** The checks run after each deploy, in order: cheap reads first, then message behaviour. */
import { Check } from "./types";
import { clusterMembers, managementThroughVip } from "./cluster";
import { cookieFile } from "./cookie";
import { declaredTopologyOnBroker, modelFullyDeclared } from "./topology";
import { replicasInSync } from "./replicas";
import { effectivePolicies } from "./policies";
import { outputsWork } from "./outputs";
import { noSecretsInInspect } from "./secrets";
import { mandatoryPublishReturned, unroutableToAlternateExchange } from "./routing";
import { rejectedToDeadLetterQueue } from "./deadLetter";
import { retryRedeliversThenParks } from "./retry";
import { publisherConfirms } from "./confirms";
import { producerCannotRead } from "./access";
import { noSecretAnywhere } from "./noSecretAnywhere";
export { TLS_CHECKS } from "./tls";
import { METRICS_CHECKS } from "./metrics";
import { LIMITS_CHECKS } from "./limits";

export const POST_DEPLOY_CHECKS: readonly Check[] = [
  managementThroughVip,
  clusterMembers,
  cookieFile,
  noSecretsInInspect,
  noSecretAnywhere,
  ...LIMITS_CHECKS,
  ...METRICS_CHECKS,
  outputsWork,
  modelFullyDeclared,
  declaredTopologyOnBroker,
  effectivePolicies,
  replicasInSync,
  unroutableToAlternateExchange,
  mandatoryPublishReturned,
  rejectedToDeadLetterQueue,
  publisherConfirms,
  producerCannotRead,
  retryRedeliversThenParks,
];
