#!/bin/sh
# Entrypoint of the HAProxy stand-in image, with the official image's behaviour:
# arguments starting with "-" are options for haproxy, and haproxy itself runs in
# master-worker mode (-W, reload on SIGUSR2) in the foreground (-db).
set -e

if [ "${1#-}" != "$1" ]; then
  set -- haproxy "$@"
fi

if [ "$1" = 'haproxy' ]; then
  shift
  set -- haproxy -W -db "$@"
fi

exec "$@"
