#!/usr/bin/env bash
# Entrypoint of the RabbitMQ stand-in image; behaves like the official image's:
# starts as root, hands /var/lib/rabbitmq to the rabbitmq user (owner only: the mode of a
# placed cookie is left alone, so Erlang's owner-only rule still bites), drops to uid 999 and
# execs the server in the foreground so it is the container's main process.
set -euo pipefail

if [[ "$1" == rabbitmq* ]] && [ "$(id -u)" = '0' ]; then
  if [ "$1" = 'rabbitmq-server' ]; then
    find /var/lib/rabbitmq \! -user rabbitmq -exec chown rabbitmq '{}' +
  fi
  exec gosu rabbitmq "${BASH_SOURCE[0]}" "$@"
fi

# Debian's /usr/sbin/rabbitmq-server wrapper sends output to a startup log file; the plain
# script under /usr/lib/rabbitmq/bin logs to the console like the official image.
if [ "$1" = 'rabbitmq-server' ]; then
  set -- /usr/lib/rabbitmq/bin/rabbitmq-server "${@:2}"
fi

# Long node names when the hostname is a fully qualified one, as the official image decides.
if [ -z "${RABBITMQ_USE_LONGNAME:-}" ] && [ "$(hostname)" != "$(hostname -s)" ]; then
  export RABBITMQ_USE_LONGNAME=true
fi

# Makes rabbitmq-server exec the Erlang VM instead of supervising it from a shell.
export RUNNING_UNDER_SYSTEMD=true

exec "$@"
