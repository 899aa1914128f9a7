/** Every fault scenario, in the order the suite runs them (the order). */
import { Fault } from "./fault";
import { LB_FAULTS } from "./lbFaults";
import { NODE_FAULTS } from "./nodeFaults";
import { PARTITION_FAULT } from "./partitionFault";
import { STALL_FAULT } from "./stallFault";

export const FAULTS: readonly Fault[] = [...LB_FAULTS, STALL_FAULT, ...NODE_FAULTS, PARTITION_FAULT];
