import type Database from 'better-sqlite3'
import { keyedTokenHash } from './at-rest.ts'

/** SQL, or a step that needs code (and the installation's secret). */
export type Migration = string | ((db: Database.Database, secret: Buffer) => void)

/** The first schema version whose token hashes are keyed with the installation's secret. */
export const KEYED_HASHES_VERSION = 3

// Versioned schema: migration N (1-based) brings the database from user_version N-1 to N.
// Append new migrations; never edit one that has shipped.
export const migrations: Migration[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    password_hash TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE orgs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  -- Who owns or belongs to what: an org, a bucket, or the instance (InfluxDB's user resource mappings).
  CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, resource_type, resource_id)
  );
  CREATE INDEX memberships_resource ON memberships(resource_type, resource_id);

  CREATE TABLE buckets (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    retention_seconds INTEGER NOT NULL,
    shard_group_seconds INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, name)
  );

  -- No foreign keys on purpose: like InfluxDB, deleting a user or an org leaves its tokens
  -- behind (they stop working and drop out of listings).
  CREATE TABLE authorizations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    description TEXT NOT NULL,
    org_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    permissions TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX authorizations_org ON authorizations(org_id);
  CREATE INDEX authorizations_user ON authorizations(user_id);

  CREATE TABLE points (
    id INTEGER PRIMARY KEY,
    bucket_id TEXT NOT NULL REFERENCES buckets(id) ON DELETE CASCADE,
    measurement TEXT NOT NULL,
    tags TEXT NOT NULL,
    fields TEXT NOT NULL,
    time INTEGER NOT NULL
  );
  CREATE INDEX points_bucket_time ON points(bucket_id, time);
  `,
  // The token list filters by org or user and walks IDs in order; covering indexes let it check
  // which cached responses are still current without reading any row's permissions.
  `
  DROP INDEX authorizations_org;
  DROP INDEX authorizations_user;
  CREATE INDEX authorizations_org_list ON authorizations(org_id, id, user_id, updated_at);
  CREATE INDEX authorizations_user_list ON authorizations(user_id, id, org_id, updated_at);
  `,
  // Token hashes were plain SHA-256 of the token; they become keyed (see keyedTokenHash).
  (db, secret) => {
    const rows = db.prepare('SELECT id, token_hash FROM authorizations').all() as { id: string; token_hash: string }[]
    const update = db.prepare('UPDATE authorizations SET token_hash = ? WHERE id = ?')
    for (const row of rows) update.run(keyedTokenHash(secret, row.token_hash), row.id)
  },
]
