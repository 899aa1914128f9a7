import { confValue } from "./confSettings";

/** Name of the conf.d file carrying the administrator; sorts after rabbitmq.conf's file. */
export const ADMIN_CONF_NAME = "60-rabbitmq-ha-admin.conf";

/**
 * The administrator RabbitMQ creates on its first boot instead of guest, with the bootstrap
 * password (never rotated: infra/admin/ then sets the desired one through the management API).
 * The component delivers it as a secret upload, readable only by the rabbitmq user.
 */
export function renderAdminConf(adminUser: string, adminPassword: string): string {
  return [
    "# The administrator created at first boot instead of guest (rabbitmq-ha), with its bootstrap password. Holds a secret.",
    `default_user = ${confValue("adminUser", adminUser)}`,
    `default_pass = ${confValue("adminPassword", adminPassword)}`,
    "default_user_tags.administrator = true",
    "# guest never exists, and the admin logs in through HAProxy, so nobody is limited to loopback.",
    "loopback_users = none",
    "",
  ].join("\n");
}
