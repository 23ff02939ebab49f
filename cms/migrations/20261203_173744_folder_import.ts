import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`documents_from_file_read\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`documents_from_file_read_order_idx\` ON \`documents_from_file_read\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`documents_from_file_read_parent_idx\` ON \`documents_from_file_read\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`documents_from_file_missing\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`documents_from_file_missing_order_idx\` ON \`documents_from_file_missing\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`documents_from_file_missing_parent_idx\` ON \`documents_from_file_missing\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_documents_v_version_from_file_read\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_documents_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_documents_v_version_from_file_read_order_idx\` ON \`_documents_v_version_from_file_read\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_from_file_read_parent_idx\` ON \`_documents_v_version_from_file_read\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_documents_v_version_from_file_missing\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_documents_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_documents_v_version_from_file_missing_order_idx\` ON \`_documents_v_version_from_file_missing\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_version_from_file_missing_parent_idx\` ON \`_documents_v_version_from_file_missing\` (\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`documents\` ADD \`from_file_source\` text;`)
  await db.run(sql`ALTER TABLE \`documents\` ADD \`from_file_text_from\` text;`)
  await db.run(sql`ALTER TABLE \`documents\` ADD \`from_file_printed_issuer\` text;`)
  await db.run(sql`ALTER TABLE \`documents\` ADD \`from_file_notes\` text;`)
  await db.run(sql`ALTER TABLE \`documents\` ADD \`from_file_confirmed\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` ADD \`version_from_file_source\` text;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` ADD \`version_from_file_text_from\` text;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` ADD \`version_from_file_printed_issuer\` text;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` ADD \`version_from_file_notes\` text;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` ADD \`version_from_file_confirmed\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`files\` ADD \`content_hash\` text;`)
  await db.run(sql`CREATE INDEX \`files_content_hash_idx\` ON \`files\` (\`content_hash\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`documents_from_file_read\`;`)
  await db.run(sql`DROP TABLE \`documents_from_file_missing\`;`)
  await db.run(sql`DROP TABLE \`_documents_v_version_from_file_read\`;`)
  await db.run(sql`DROP TABLE \`_documents_v_version_from_file_missing\`;`)
  await db.run(sql`DROP INDEX \`files_content_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`files\` DROP COLUMN \`content_hash\`;`)
  await db.run(sql`ALTER TABLE \`documents\` DROP COLUMN \`from_file_source\`;`)
  await db.run(sql`ALTER TABLE \`documents\` DROP COLUMN \`from_file_text_from\`;`)
  await db.run(sql`ALTER TABLE \`documents\` DROP COLUMN \`from_file_printed_issuer\`;`)
  await db.run(sql`ALTER TABLE \`documents\` DROP COLUMN \`from_file_notes\`;`)
  await db.run(sql`ALTER TABLE \`documents\` DROP COLUMN \`from_file_confirmed\`;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` DROP COLUMN \`version_from_file_source\`;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` DROP COLUMN \`version_from_file_text_from\`;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` DROP COLUMN \`version_from_file_printed_issuer\`;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` DROP COLUMN \`version_from_file_notes\`;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` DROP COLUMN \`version_from_file_confirmed\`;`)
}
