/**
 * Policy pack: the project's naming conventions on every rabbitmq resource at preview, also for
 * resources declared outside our config. Run: pulumi preview --policy-pack policy
 */
import { PolicyPack } from "@pulumi/policy";
import { namingPolicies } from "./namingPolicies";

new PolicyPack("rabbitmq-ha-naming", { policies: namingPolicies });
