/** Every fault scenario, in the order the suite runs them (the order). */
import { Fault } from "./fault";
import { LB_FAULTS } from "./lbFaults";
import { NODE_FAULTS } from "./nodeFaults";

export const FAULTS: readonly Fault[] = [...LB_FAULTS, ...NODE_FAULTS];
