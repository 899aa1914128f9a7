/**
 * Lines of RabbitMQ's sysctl-like config format (cuttlefish), grouped under one comment each.
 */

export interface ConfSetting {
  readonly key: string;
  readonly value: string;
}

export interface ConfGroup {
  /** Why the settings are there (rendered as a comment above them). */
  readonly why: string;
  readonly settings: readonly ConfSetting[];
}

/**
 * A cuttlefish value must be one line and cannot contain `#` (it starts a comment anywhere on
 * the line) nor start or end with blanks (they are trimmed). Refusing such a value is better
 * than a broker that boots with a silently truncated password.
 */
export function confValue(field: string, value: string | number): string {
  const text = String(value);
  if (text.length === 0 || /[#\r\n]/.test(text) || text.trim() !== text) {
    throw new Error(
      `${field} cannot be written to rabbitmq.conf (allowed: one non-empty line without '#' and without leading or trailing blanks)`,
    );
  }
  return text;
}
