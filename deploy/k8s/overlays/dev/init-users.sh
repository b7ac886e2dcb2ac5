#!/bin/bash
# Run once by the MariaDB image's entrypoint when the data volume is new: per service a
# schema, a DML user for the service and a DDL user for its migration Job, with the
# passwords from the Secrets mounted under /etc/paizhu/db. (Rotating a password later:
# deploy/README.md.) Sourced by the entrypoint, which provides docker_process_sql and
# stops on the first error.
for s in org clue assess; do
  dml=$(</etc/paizhu/db/$s/password)
  ddl=$(</etc/paizhu/db/$s-ddl/password)
  docker_process_sql <<SQL
CREATE DATABASE IF NOT EXISTS paizhu_$s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'paizhu_$s'@'%' IDENTIFIED BY '$dml';
GRANT SELECT, INSERT, UPDATE, DELETE ON paizhu_$s.* TO 'paizhu_$s'@'%';
CREATE USER IF NOT EXISTS 'paizhu_${s}_ddl'@'%' IDENTIFIED BY '$ddl';
GRANT ALL PRIVILEGES ON paizhu_$s.* TO 'paizhu_${s}_ddl'@'%';
SQL
done
