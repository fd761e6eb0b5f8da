#!/bin/sh
echo "schema-engine stub: migrations run through scripts/db.ts" >&2
exit 1
