import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`announcements_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`files_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`files_id\`) REFERENCES \`files\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`announcements_rels_order_idx\` ON \`announcements_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`announcements_rels_parent_idx\` ON \`announcements_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`announcements_rels_path_idx\` ON \`announcements_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`announcements_rels_files_id_idx\` ON \`announcements_rels\` (\`files_id\`);`)
  await db.run(sql`CREATE TABLE \`_announcements_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`files_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_announcements_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`files_id\`) REFERENCES \`files\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_announcements_v_rels_order_idx\` ON \`_announcements_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_rels_parent_idx\` ON \`_announcements_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_rels_path_idx\` ON \`_announcements_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_rels_files_id_idx\` ON \`_announcements_v_rels\` (\`files_id\`);`)
  await db.run(sql`CREATE TABLE \`files_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`organizations_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organizations_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`files_rels_order_idx\` ON \`files_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`files_rels_parent_idx\` ON \`files_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`files_rels_path_idx\` ON \`files_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`files_rels_organizations_id_idx\` ON \`files_rels\` (\`organizations_id\`);`)
  await db.run(sql`CREATE TABLE \`media_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`organizations_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organizations_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`media_rels_order_idx\` ON \`media_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`media_rels_parent_idx\` ON \`media_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`media_rels_path_idx\` ON \`media_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`media_rels_organizations_id_idx\` ON \`media_rels\` (\`organizations_id\`);`)
  await db.run(sql`CREATE TABLE \`members_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`members_sessions_order_idx\` ON \`members_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`members_sessions_parent_id_idx\` ON \`members_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`members\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`birth_date\` text,
  	\`party_card_number\` text,
  	\`organization_id\` text(36) NOT NULL,
  	\`phone\` text,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`activation_code_hash\` text,
  	\`activation_code_expires_at\` text,
  	\`activation_code_attempts\` numeric,
  	\`activation_link_hash\` text,
  	\`activation_link_expires_at\` text,
  	\`feed_token\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text,
  	\`username\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`members_name_idx\` ON \`members\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`members_birth_date_idx\` ON \`members\` (\`birth_date\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`members_party_card_number_idx\` ON \`members\` (\`party_card_number\`);`)
  await db.run(sql`CREATE INDEX \`members_organization_idx\` ON \`members\` (\`organization_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`members_phone_idx\` ON \`members\` (\`phone\`);`)
  await db.run(sql`CREATE INDEX \`members_status_idx\` ON \`members\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`members_feed_token_idx\` ON \`members\` (\`feed_token\`);`)
  await db.run(sql`CREATE INDEX \`members_updated_at_idx\` ON \`members\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`members_created_at_idx\` ON \`members\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`members_email_idx\` ON \`members\` (\`email\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`members_username_idx\` ON \`members\` (\`username\`);`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_announcements\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`organization_id\` text(36),
  	\`body\` text,
  	\`meeting_at\` text,
  	\`location\` text,
  	\`published_at\` text,
  	\`audience\` text DEFAULT 'organization',
  	\`audience_organization_id\` text(36),
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`audience_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_announcements\`("id", "title", "organization_id", "body", "meeting_at", "location", "published_at", "audience", "audience_organization_id", "slug", "updated_at", "created_at", "_status") SELECT "id", "title", "organization_id", "body", "meeting_at", "location", "published_at", "audience", NULL, "slug", "updated_at", "created_at", "_status" FROM \`announcements\`;`)
  await db.run(sql`DROP TABLE \`announcements\`;`)
  await db.run(sql`ALTER TABLE \`__new_announcements\` RENAME TO \`announcements\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`announcements_organization_idx\` ON \`announcements\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`announcements_published_at_idx\` ON \`announcements\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`announcements_audience_idx\` ON \`announcements\` (\`audience\`);`)
  await db.run(sql`CREATE INDEX \`announcements_audience_organization_idx\` ON \`announcements\` (\`audience_organization_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`announcements_slug_idx\` ON \`announcements\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`announcements_updated_at_idx\` ON \`announcements\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`announcements_created_at_idx\` ON \`announcements\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`announcements__status_idx\` ON \`announcements\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__announcements_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_organization_id\` text(36),
  	\`version_body\` text,
  	\`version_meeting_at\` text,
  	\`version_location\` text,
  	\`version_published_at\` text,
  	\`version_audience\` text DEFAULT 'organization',
  	\`version_audience_organization_id\` text(36),
  	\`version_slug\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_audience_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__announcements_v\`("id", "parent_id", "version_title", "version_organization_id", "version_body", "version_meeting_at", "version_location", "version_published_at", "version_audience", "version_audience_organization_id", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_organization_id", "version_body", "version_meeting_at", "version_location", "version_published_at", "version_audience", NULL, "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_announcements_v\`;`)
  await db.run(sql`DROP TABLE \`_announcements_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__announcements_v\` RENAME TO \`_announcements_v\`;`)
  await db.run(sql`CREATE INDEX \`_announcements_v_parent_idx\` ON \`_announcements_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_organization_idx\` ON \`_announcements_v\` (\`version_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_published_at_idx\` ON \`_announcements_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_audience_idx\` ON \`_announcements_v\` (\`version_audience\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_audience_organization_idx\` ON \`_announcements_v\` (\`version_audience_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_slug_idx\` ON \`_announcements_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_updated_at_idx\` ON \`_announcements_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_created_at_idx\` ON \`_announcements_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version__status_idx\` ON \`_announcements_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_created_at_idx\` ON \`_announcements_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_updated_at_idx\` ON \`_announcements_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_latest_idx\` ON \`_announcements_v\` (\`latest\`);`)
  await db.run(sql`ALTER TABLE \`documents\` ADD \`audience_organization_id\` text(36) REFERENCES organizations(id);`)
  await db.run(sql`CREATE INDEX \`documents_audience_organization_idx\` ON \`documents\` (\`audience_organization_id\`);`)
  await db.run(sql`ALTER TABLE \`_documents_v\` ADD \`version_audience_organization_id\` text(36) REFERENCES organizations(id);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_audience_organization_idx\` ON \`_documents_v\` (\`version_audience_organization_id\`);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`audience_organization_id\` text(36) REFERENCES organizations(id);`)
  await db.run(sql`CREATE INDEX \`news_audience_organization_idx\` ON \`news\` (\`audience_organization_id\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_audience_organization_id\` text(36) REFERENCES organizations(id);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_audience_organization_idx\` ON \`_news_v\` (\`version_audience_organization_id\`);`)
  await db.run(sql`ALTER TABLE \`topics\` ADD \`audience_organization_id\` text(36) REFERENCES organizations(id);`)
  await db.run(sql`CREATE INDEX \`topics_audience_organization_idx\` ON \`topics\` (\`audience_organization_id\`);`)
  await db.run(sql`ALTER TABLE \`_topics_v\` ADD \`version_audience_organization_id\` text(36) REFERENCES organizations(id);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_audience_organization_idx\` ON \`_topics_v\` (\`version_audience_organization_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`members_id\` text(36) REFERENCES members(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_preferences_rels\` ADD \`members_id\` text(36) REFERENCES members(id);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_members_id_idx\` ON \`payload_preferences_rels\` (\`members_id\`);`)
  await moveLegacyMemberUsers({ db, payload })
}

/**
 * Before this migration party members were editorial accounts with role "member". Those with an
 * organization become member accounts (same id, e-mail and password, active); they now sign in on
 * the site instead. Those without one cannot be placed in a chi bộ: they stay as they were (reading
 * what all members read through the API) and are listed, for an administrator to give them an
 * organization and move them by hand (docs/members.md).
 */
async function moveLegacyMemberUsers({ db, payload }: Pick<MigrateUpArgs, 'db' | 'payload'>): Promise<void> {
  const moved = await db.all<{ id: string }>(sql`SELECT id FROM users WHERE role = 'member' AND organization_id IS NOT NULL`)
  if (moved.length > 0) {
    await db.run(sql`INSERT INTO members (id, name, organization_id, status, email, username, salt, hash, login_attempts, updated_at, created_at)
      SELECT id, COALESCE(NULLIF(TRIM(name), ''), email), organization_id, 'active', LOWER(email), LOWER(email), salt, hash, 0, updated_at, created_at
      FROM users WHERE role = 'member' AND organization_id IS NOT NULL`)
    await db.run(sql`DELETE FROM users WHERE role = 'member' AND organization_id IS NOT NULL`)
    payload.logger.info(`members migration: ${moved.length} member account(s) moved from users to members`)
  }
  const left = await db.all<{ email: string }>(sql`SELECT email FROM users WHERE role = 'member'`)
  if (left.length > 0) {
    payload.logger.warn(`members migration: ${left.length} user(s) with role "member" have no organization and were left as they were: ${left.map((u) => u.email).join(', ')}`)
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`announcements_rels\`;`)
  await db.run(sql`DROP TABLE \`_announcements_v_rels\`;`)
  await db.run(sql`DROP TABLE \`files_rels\`;`)
  await db.run(sql`DROP TABLE \`media_rels\`;`)
  await db.run(sql`DROP TABLE \`members_sessions\`;`)
  await db.run(sql`DROP TABLE \`members\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_documents\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`type\` text,
  	\`number\` text,
  	\`title\` text,
  	\`issuer_id\` text(36),
  	\`level\` text,
  	\`issued_at\` text,
  	\`term\` text,
  	\`signer\` text,
  	\`summary\` text,
  	\`full_text\` text,
  	\`status\` text DEFAULT 'in-force',
  	\`audience\` text DEFAULT 'public',
  	\`secrecy\` text DEFAULT 'none',
  	\`slug\` text,
  	\`number_key\` text,
  	\`number_short_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`issuer_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_documents\`("id", "type", "number", "title", "issuer_id", "level", "issued_at", "term", "signer", "summary", "full_text", "status", "audience", "secrecy", "slug", "number_key", "number_short_key", "updated_at", "created_at", "_status") SELECT "id", "type", "number", "title", "issuer_id", "level", "issued_at", "term", "signer", "summary", "full_text", "status", "audience", "secrecy", "slug", "number_key", "number_short_key", "updated_at", "created_at", "_status" FROM \`documents\`;`)
  await db.run(sql`DROP TABLE \`documents\`;`)
  await db.run(sql`ALTER TABLE \`__new_documents\` RENAME TO \`documents\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`documents_type_idx\` ON \`documents\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`documents_issuer_idx\` ON \`documents\` (\`issuer_id\`);`)
  await db.run(sql`CREATE INDEX \`documents_level_idx\` ON \`documents\` (\`level\`);`)
  await db.run(sql`CREATE INDEX \`documents_issued_at_idx\` ON \`documents\` (\`issued_at\`);`)
  await db.run(sql`CREATE INDEX \`documents_status_idx\` ON \`documents\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`documents_audience_idx\` ON \`documents\` (\`audience\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`documents_slug_idx\` ON \`documents\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`documents_number_key_idx\` ON \`documents\` (\`number_key\`);`)
  await db.run(sql`CREATE INDEX \`documents_number_short_key_idx\` ON \`documents\` (\`number_short_key\`);`)
  await db.run(sql`CREATE INDEX \`documents_updated_at_idx\` ON \`documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`documents_created_at_idx\` ON \`documents\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`documents__status_idx\` ON \`documents\` (\`_status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`numberKey_issuer_issuedAt_idx\` ON \`documents\` (\`number_key\`,\`issuer_id\`,\`issued_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__documents_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_type\` text,
  	\`version_number\` text,
  	\`version_title\` text,
  	\`version_issuer_id\` text(36),
  	\`version_level\` text,
  	\`version_issued_at\` text,
  	\`version_term\` text,
  	\`version_signer\` text,
  	\`version_summary\` text,
  	\`version_full_text\` text,
  	\`version_status\` text DEFAULT 'in-force',
  	\`version_audience\` text DEFAULT 'public',
  	\`version_secrecy\` text DEFAULT 'none',
  	\`version_slug\` text,
  	\`version_number_key\` text,
  	\`version_number_short_key\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_issuer_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__documents_v\`("id", "parent_id", "version_type", "version_number", "version_title", "version_issuer_id", "version_level", "version_issued_at", "version_term", "version_signer", "version_summary", "version_full_text", "version_status", "version_audience", "version_secrecy", "version_slug", "version_number_key", "version_number_short_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_type", "version_number", "version_title", "version_issuer_id", "version_level", "version_issued_at", "version_term", "version_signer", "version_summary", "version_full_text", "version_status", "version_audience", "version_secrecy", "version_slug", "version_number_key", "version_number_short_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_documents_v\`;`)
  await db.run(sql`DROP TABLE \`_documents_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__documents_v\` RENAME TO \`_documents_v\`;`)
  await db.run(sql`CREATE INDEX \`_documents_v_parent_idx\` ON \`_documents_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_type_idx\` ON \`_documents_v\` (\`version_type\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_issuer_idx\` ON \`_documents_v\` (\`version_issuer_id\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_level_idx\` ON \`_documents_v\` (\`version_level\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_issued_at_idx\` ON \`_documents_v\` (\`version_issued_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_status_idx\` ON \`_documents_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_audience_idx\` ON \`_documents_v\` (\`version_audience\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_slug_idx\` ON \`_documents_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_number_key_idx\` ON \`_documents_v\` (\`version_number_key\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_number_short_key_idx\` ON \`_documents_v\` (\`version_number_short_key\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_updated_at_idx\` ON \`_documents_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version_created_at_idx\` ON \`_documents_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_version__status_idx\` ON \`_documents_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_created_at_idx\` ON \`_documents_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_updated_at_idx\` ON \`_documents_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_latest_idx\` ON \`_documents_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`version_numberKey_version_issuer_version_issuedAt_idx\` ON \`_documents_v\` (\`version_number_key\`,\`version_issuer_id\`,\`version_issued_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_news\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`category\` text,
  	\`cover_id\` text(36),
  	\`lead\` text,
  	\`body\` text,
  	\`published_at\` text,
  	\`source\` text,
  	\`organization_id\` text(36),
  	\`audience\` text DEFAULT 'public',
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_news\`("id", "title", "category", "cover_id", "lead", "body", "published_at", "source", "organization_id", "audience", "slug", "updated_at", "created_at", "_status") SELECT "id", "title", "category", "cover_id", "lead", "body", "published_at", "source", "organization_id", "audience", "slug", "updated_at", "created_at", "_status" FROM \`news\`;`)
  await db.run(sql`DROP TABLE \`news\`;`)
  await db.run(sql`ALTER TABLE \`__new_news\` RENAME TO \`news\`;`)
  await db.run(sql`CREATE INDEX \`news_category_idx\` ON \`news\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`news_cover_idx\` ON \`news\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`news_published_at_idx\` ON \`news\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`news_organization_idx\` ON \`news\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`news_audience_idx\` ON \`news\` (\`audience\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`news_slug_idx\` ON \`news\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`news_updated_at_idx\` ON \`news\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`news_created_at_idx\` ON \`news\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`news__status_idx\` ON \`news\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__news_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_category\` text,
  	\`version_cover_id\` text(36),
  	\`version_lead\` text,
  	\`version_body\` text,
  	\`version_published_at\` text,
  	\`version_source\` text,
  	\`version_organization_id\` text(36),
  	\`version_audience\` text DEFAULT 'public',
  	\`version_slug\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__news_v\`("id", "parent_id", "version_title", "version_category", "version_cover_id", "version_lead", "version_body", "version_published_at", "version_source", "version_organization_id", "version_audience", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_category", "version_cover_id", "version_lead", "version_body", "version_published_at", "version_source", "version_organization_id", "version_audience", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_news_v\`;`)
  await db.run(sql`DROP TABLE \`_news_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__news_v\` RENAME TO \`_news_v\`;`)
  await db.run(sql`CREATE INDEX \`_news_v_parent_idx\` ON \`_news_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_category_idx\` ON \`_news_v\` (\`version_category\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_cover_idx\` ON \`_news_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_published_at_idx\` ON \`_news_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_organization_idx\` ON \`_news_v\` (\`version_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_audience_idx\` ON \`_news_v\` (\`version_audience\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_slug_idx\` ON \`_news_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_updated_at_idx\` ON \`_news_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_created_at_idx\` ON \`_news_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version__status_idx\` ON \`_news_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_created_at_idx\` ON \`_news_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_updated_at_idx\` ON \`_news_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_latest_idx\` ON \`_news_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_topics\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`month\` text,
  	\`title\` text,
  	\`theme\` text,
  	\`body\` text,
  	\`organization_id\` text(36),
  	\`audience\` text DEFAULT 'public',
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_topics\`("id", "month", "title", "theme", "body", "organization_id", "audience", "slug", "updated_at", "created_at", "_status") SELECT "id", "month", "title", "theme", "body", "organization_id", "audience", "slug", "updated_at", "created_at", "_status" FROM \`topics\`;`)
  await db.run(sql`DROP TABLE \`topics\`;`)
  await db.run(sql`ALTER TABLE \`__new_topics\` RENAME TO \`topics\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`topics_month_idx\` ON \`topics\` (\`month\`);`)
  await db.run(sql`CREATE INDEX \`topics_organization_idx\` ON \`topics\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_audience_idx\` ON \`topics\` (\`audience\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`topics_slug_idx\` ON \`topics\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`topics_updated_at_idx\` ON \`topics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`topics_created_at_idx\` ON \`topics\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`topics__status_idx\` ON \`topics\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__topics_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_month\` text,
  	\`version_title\` text,
  	\`version_theme\` text,
  	\`version_body\` text,
  	\`version_organization_id\` text(36),
  	\`version_audience\` text DEFAULT 'public',
  	\`version_slug\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__topics_v\`("id", "parent_id", "version_month", "version_title", "version_theme", "version_body", "version_organization_id", "version_audience", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_month", "version_title", "version_theme", "version_body", "version_organization_id", "version_audience", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_topics_v\`;`)
  await db.run(sql`DROP TABLE \`_topics_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__topics_v\` RENAME TO \`_topics_v\`;`)
  await db.run(sql`CREATE INDEX \`_topics_v_parent_idx\` ON \`_topics_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_month_idx\` ON \`_topics_v\` (\`version_month\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_organization_idx\` ON \`_topics_v\` (\`version_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_audience_idx\` ON \`_topics_v\` (\`version_audience\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_slug_idx\` ON \`_topics_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_updated_at_idx\` ON \`_topics_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_created_at_idx\` ON \`_topics_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version__status_idx\` ON \`_topics_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_created_at_idx\` ON \`_topics_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_updated_at_idx\` ON \`_topics_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_latest_idx\` ON \`_topics_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_announcements\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`organization_id\` text(36),
  	\`body\` text,
  	\`meeting_at\` text,
  	\`location\` text,
  	\`published_at\` text,
  	\`audience\` text DEFAULT 'members',
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_announcements\`("id", "title", "organization_id", "body", "meeting_at", "location", "published_at", "audience", "slug", "updated_at", "created_at", "_status") SELECT "id", "title", "organization_id", "body", "meeting_at", "location", "published_at", "audience", "slug", "updated_at", "created_at", "_status" FROM \`announcements\`;`)
  await db.run(sql`DROP TABLE \`announcements\`;`)
  await db.run(sql`ALTER TABLE \`__new_announcements\` RENAME TO \`announcements\`;`)
  await db.run(sql`CREATE INDEX \`announcements_organization_idx\` ON \`announcements\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`announcements_published_at_idx\` ON \`announcements\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`announcements_audience_idx\` ON \`announcements\` (\`audience\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`announcements_slug_idx\` ON \`announcements\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`announcements_updated_at_idx\` ON \`announcements\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`announcements_created_at_idx\` ON \`announcements\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`announcements__status_idx\` ON \`announcements\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__announcements_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_organization_id\` text(36),
  	\`version_body\` text,
  	\`version_meeting_at\` text,
  	\`version_location\` text,
  	\`version_published_at\` text,
  	\`version_audience\` text DEFAULT 'members',
  	\`version_slug\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__announcements_v\`("id", "parent_id", "version_title", "version_organization_id", "version_body", "version_meeting_at", "version_location", "version_published_at", "version_audience", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_organization_id", "version_body", "version_meeting_at", "version_location", "version_published_at", "version_audience", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_announcements_v\`;`)
  await db.run(sql`DROP TABLE \`_announcements_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__announcements_v\` RENAME TO \`_announcements_v\`;`)
  await db.run(sql`CREATE INDEX \`_announcements_v_parent_idx\` ON \`_announcements_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_organization_idx\` ON \`_announcements_v\` (\`version_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_published_at_idx\` ON \`_announcements_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_audience_idx\` ON \`_announcements_v\` (\`version_audience\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_slug_idx\` ON \`_announcements_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_updated_at_idx\` ON \`_announcements_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version_created_at_idx\` ON \`_announcements_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_version_version__status_idx\` ON \`_announcements_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_created_at_idx\` ON \`_announcements_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_updated_at_idx\` ON \`_announcements_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_announcements_v_latest_idx\` ON \`_announcements_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`documents_id\` text(36),
  	\`news_id\` text(36),
  	\`topics_id\` text(36),
  	\`announcements_id\` text(36),
  	\`organizations_id\` text(36),
  	\`subjects_id\` text(36),
  	\`files_id\` text(36),
  	\`media_id\` text(36),
  	\`users_id\` text(36),
  	\`audit_logs_id\` text(36),
  	\`subscribers_id\` text(36),
  	\`mail_deliveries_id\` text(36),
  	\`mail_publications_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`announcements_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organizations_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subjects_id\`) REFERENCES \`subjects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`files_id\`) REFERENCES \`files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_logs_id\`) REFERENCES \`audit_logs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscribers_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mail_deliveries_id\`) REFERENCES \`mail_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mail_publications_id\`) REFERENCES \`mail_publications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "documents_id", "news_id", "topics_id", "announcements_id", "organizations_id", "subjects_id", "files_id", "media_id", "users_id", "audit_logs_id", "subscribers_id", "mail_deliveries_id", "mail_publications_id") SELECT "id", "order", "parent_id", "path", "documents_id", "news_id", "topics_id", "announcements_id", "organizations_id", "subjects_id", "files_id", "media_id", "users_id", "audit_logs_id", "subscribers_id", "mail_deliveries_id", "mail_publications_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_announcements_id_idx\` ON \`payload_locked_documents_rels\` (\`announcements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organizations_id_idx\` ON \`payload_locked_documents_rels\` (\`organizations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subjects_id_idx\` ON \`payload_locked_documents_rels\` (\`subjects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_files_id_idx\` ON \`payload_locked_documents_rels\` (\`files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_logs_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_logs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mail_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`mail_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mail_publications_id_idx\` ON \`payload_locked_documents_rels\` (\`mail_publications_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_preferences_rels\`("id", "order", "parent_id", "path", "users_id") SELECT "id", "order", "parent_id", "path", "users_id" FROM \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_preferences_rels\` RENAME TO \`payload_preferences_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
}
