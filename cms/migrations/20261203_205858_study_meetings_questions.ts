import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`meeting_responses\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`announcement_id\` text(36) NOT NULL,
  	\`member_id\` text(36) NOT NULL,
  	\`member_name\` text,
  	\`meeting_organization_id\` text(36) NOT NULL,
  	\`response\` text NOT NULL,
  	\`reason\` text,
  	\`responded_at\` text,
  	\`attendance\` text,
  	\`attendance_note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`announcement_id\`) REFERENCES \`announcements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`meeting_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`meeting_responses_key_idx\` ON \`meeting_responses\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`meeting_responses_announcement_idx\` ON \`meeting_responses\` (\`announcement_id\`);`)
  await db.run(sql`CREATE INDEX \`meeting_responses_member_idx\` ON \`meeting_responses\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`meeting_responses_meeting_organization_idx\` ON \`meeting_responses\` (\`meeting_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`meeting_responses_responded_at_idx\` ON \`meeting_responses\` (\`responded_at\`);`)
  await db.run(sql`CREATE INDEX \`meeting_responses_updated_at_idx\` ON \`meeting_responses\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`meeting_responses_created_at_idx\` ON \`meeting_responses\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`questions\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`summary\` text,
  	\`member_id\` text(36) NOT NULL,
  	\`member_name\` text,
  	\`organization_id\` text(36) NOT NULL,
  	\`text\` text NOT NULL,
  	\`attachment_id\` text(36),
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`assignee_id\` text(36),
  	\`answer\` text,
  	\`answered_at\` text,
  	\`answered_by_id\` text(36),
  	\`publication\` text DEFAULT 'none',
  	\`public_question\` text,
  	\`public_answer\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`attachment_id\`) REFERENCES \`question_files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`answered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`questions_member_idx\` ON \`questions\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_organization_idx\` ON \`questions\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_attachment_idx\` ON \`questions\` (\`attachment_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_status_idx\` ON \`questions\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`questions_assignee_idx\` ON \`questions\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_answered_by_idx\` ON \`questions\` (\`answered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_publication_idx\` ON \`questions\` (\`publication\`);`)
  await db.run(sql`CREATE INDEX \`questions_updated_at_idx\` ON \`questions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_created_at_idx\` ON \`questions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`question_files\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`member_id\` text(36) NOT NULL,
  	\`organization_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`question_files_member_idx\` ON \`question_files\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`question_files_organization_idx\` ON \`question_files\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`question_files_updated_at_idx\` ON \`question_files\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`question_files_created_at_idx\` ON \`question_files\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`question_files_filename_idx\` ON \`question_files\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`study_campaigns\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`description\` text,
  	\`organization_id\` text(36) NOT NULL,
  	\`deadline\` text NOT NULL,
  	\`remind_days_before\` numeric DEFAULT 3,
  	\`active\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`study_campaigns_organization_idx\` ON \`study_campaigns\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`study_campaigns_deadline_idx\` ON \`study_campaigns\` (\`deadline\`);`)
  await db.run(sql`CREATE INDEX \`study_campaigns_active_idx\` ON \`study_campaigns\` (\`active\`);`)
  await db.run(sql`CREATE INDEX \`study_campaigns_updated_at_idx\` ON \`study_campaigns\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`study_campaigns_created_at_idx\` ON \`study_campaigns\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`study_campaigns_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`documents_id\` text(36),
  	\`topics_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`study_campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`study_campaigns_rels_order_idx\` ON \`study_campaigns_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`study_campaigns_rels_parent_idx\` ON \`study_campaigns_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`study_campaigns_rels_path_idx\` ON \`study_campaigns_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`study_campaigns_rels_documents_id_idx\` ON \`study_campaigns_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`study_campaigns_rels_topics_id_idx\` ON \`study_campaigns_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`study_events\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`member_id\` text(36),
  	\`organization_id\` text(36),
  	\`item\` text NOT NULL,
  	\`day\` text NOT NULL,
  	\`value\` numeric,
  	\`answers\` text,
  	\`counted\` integer DEFAULT false,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`study_events_key_idx\` ON \`study_events\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`study_events_member_idx\` ON \`study_events\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`study_events_organization_idx\` ON \`study_events\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`study_events_counted_idx\` ON \`study_events\` (\`counted\`);`)
  await db.run(sql`CREATE TABLE \`point_awards\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`member_id\` text(36),
  	\`organization_id\` text(36),
  	\`rule\` text NOT NULL,
  	\`points\` numeric NOT NULL,
  	\`about\` text,
  	\`awarded_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`point_awards_key_idx\` ON \`point_awards\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`point_awards_member_idx\` ON \`point_awards\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`point_awards_organization_idx\` ON \`point_awards\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`point_awards_updated_at_idx\` ON \`point_awards\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`point_awards_created_at_idx\` ON \`point_awards\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`study_stats\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`organization_id\` text(36),
  	\`period\` text NOT NULL,
  	\`item\` text,
  	\`members\` numeric DEFAULT 0,
  	\`active\` numeric DEFAULT 0,
  	\`readers\` numeric DEFAULT 0,
  	\`reads\` numeric DEFAULT 0,
  	\`quizzes\` numeric DEFAULT 0,
  	\`score_sum\` numeric DEFAULT 0,
  	\`completions\` numeric DEFAULT 0,
  	\`counted_day\` text,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`study_stats_key_idx\` ON \`study_stats\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`study_stats_organization_idx\` ON \`study_stats\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`study_stats_period_idx\` ON \`study_stats\` (\`period\`);`)
  await db.run(sql`CREATE INDEX \`study_stats_item_idx\` ON \`study_stats\` (\`item\`);`)
  await db.run(sql`CREATE INDEX \`study_stats_reads_idx\` ON \`study_stats\` (\`reads\`);`)
  await db.run(sql`CREATE INDEX \`study_stats_counted_day_idx\` ON \`study_stats\` (\`counted_day\`);`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_mail_deliveries\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`subscriber_id\` text(36),
  	\`member_id\` text(36),
  	\`to\` text NOT NULL,
  	\`items\` text,
  	\`window_end\` text,
  	\`attempts\` numeric DEFAULT 0,
  	\`smtp_code\` numeric,
  	\`last_error\` text,
  	\`next_attempt_at\` text,
  	\`last_attempt_at\` text,
  	\`claimed_at\` text,
  	\`sent_at\` text,
  	\`message_id\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`subscriber_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_mail_deliveries\`("id", "key", "kind", "status", "subscriber_id", "member_id", "to", "items", "window_end", "attempts", "smtp_code", "last_error", "next_attempt_at", "last_attempt_at", "claimed_at", "sent_at", "message_id", "updated_at", "created_at") SELECT "id", "key", "kind", "status", "subscriber_id", NULL, "to", "items", "window_end", "attempts", "smtp_code", "last_error", "next_attempt_at", "last_attempt_at", "claimed_at", "sent_at", "message_id", "updated_at", "created_at" FROM \`mail_deliveries\`;`)
  await db.run(sql`DROP TABLE \`mail_deliveries\`;`)
  await db.run(sql`ALTER TABLE \`__new_mail_deliveries\` RENAME TO \`mail_deliveries\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`mail_deliveries_key_idx\` ON \`mail_deliveries\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_kind_idx\` ON \`mail_deliveries\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_status_idx\` ON \`mail_deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_subscriber_idx\` ON \`mail_deliveries\` (\`subscriber_id\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_member_idx\` ON \`mail_deliveries\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_next_attempt_at_idx\` ON \`mail_deliveries\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_last_attempt_at_idx\` ON \`mail_deliveries\` (\`last_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_updated_at_idx\` ON \`mail_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_created_at_idx\` ON \`mail_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`status_nextAttemptAt_idx\` ON \`mail_deliveries\` (\`status\`,\`next_attempt_at\`);`)
  await db.run(sql`ALTER TABLE \`announcements\` ADD \`meeting_kind\` text;`)
  await db.run(sql`ALTER TABLE \`announcements\` ADD \`agenda\` text;`)
  await db.run(sql`ALTER TABLE \`announcements\` ADD \`minutes\` text;`)
  await db.run(sql`ALTER TABLE \`_announcements_v\` ADD \`version_meeting_kind\` text;`)
  await db.run(sql`ALTER TABLE \`_announcements_v\` ADD \`version_agenda\` text;`)
  await db.run(sql`ALTER TABLE \`_announcements_v\` ADD \`version_minutes\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`study_points\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`last_study_day\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`hide_from_ranking\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`members_study_points_idx\` ON \`members\` (\`study_points\`);`)
  await db.run(sql`CREATE INDEX \`members_last_study_day_idx\` ON \`members\` (\`last_study_day\`);`)
  await db.run(sql`CREATE INDEX \`members_hide_from_ranking_idx\` ON \`members\` (\`hide_from_ranking\`);`)
  await db.run(sql`ALTER TABLE \`audit_logs\` ADD \`detail\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`meeting_responses_id\` text(36) REFERENCES meeting_responses(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`questions_id\` text(36) REFERENCES questions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`question_files_id\` text(36) REFERENCES question_files(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`study_campaigns_id\` text(36) REFERENCES study_campaigns(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`study_events_id\` text(36) REFERENCES study_events(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`point_awards_id\` text(36) REFERENCES point_awards(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`study_stats_id\` text(36) REFERENCES study_stats(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_meeting_responses_id_idx\` ON \`payload_locked_documents_rels\` (\`meeting_responses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_questions_id_idx\` ON \`payload_locked_documents_rels\` (\`questions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_question_files_id_idx\` ON \`payload_locked_documents_rels\` (\`question_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_study_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`study_campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_study_events_id_idx\` ON \`payload_locked_documents_rels\` (\`study_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_point_awards_id_idx\` ON \`payload_locked_documents_rels\` (\`point_awards_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_study_stats_id_idx\` ON \`payload_locked_documents_rels\` (\`study_stats_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`meeting_responses\`;`)
  await db.run(sql`DROP TABLE \`questions\`;`)
  await db.run(sql`DROP TABLE \`question_files\`;`)
  await db.run(sql`DROP TABLE \`study_campaigns\`;`)
  await db.run(sql`DROP TABLE \`study_campaigns_rels\`;`)
  await db.run(sql`DROP TABLE \`study_events\`;`)
  await db.run(sql`DROP TABLE \`point_awards\`;`)
  await db.run(sql`DROP TABLE \`study_stats\`;`)
  // Members' mail has no subscriber, which the older table requires.
  await db.run(sql`DELETE FROM \`mail_deliveries\` WHERE \`subscriber_id\` IS NULL;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_mail_deliveries\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`subscriber_id\` text(36) NOT NULL,
  	\`to\` text NOT NULL,
  	\`items\` text,
  	\`window_end\` text,
  	\`attempts\` numeric DEFAULT 0,
  	\`smtp_code\` numeric,
  	\`last_error\` text,
  	\`next_attempt_at\` text,
  	\`last_attempt_at\` text,
  	\`claimed_at\` text,
  	\`sent_at\` text,
  	\`message_id\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`subscriber_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_mail_deliveries\`("id", "key", "kind", "status", "subscriber_id", "to", "items", "window_end", "attempts", "smtp_code", "last_error", "next_attempt_at", "last_attempt_at", "claimed_at", "sent_at", "message_id", "updated_at", "created_at") SELECT "id", "key", "kind", "status", "subscriber_id", "to", "items", "window_end", "attempts", "smtp_code", "last_error", "next_attempt_at", "last_attempt_at", "claimed_at", "sent_at", "message_id", "updated_at", "created_at" FROM \`mail_deliveries\`;`)
  await db.run(sql`DROP TABLE \`mail_deliveries\`;`)
  await db.run(sql`ALTER TABLE \`__new_mail_deliveries\` RENAME TO \`mail_deliveries\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`mail_deliveries_key_idx\` ON \`mail_deliveries\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_kind_idx\` ON \`mail_deliveries\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_status_idx\` ON \`mail_deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_subscriber_idx\` ON \`mail_deliveries\` (\`subscriber_id\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_next_attempt_at_idx\` ON \`mail_deliveries\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_last_attempt_at_idx\` ON \`mail_deliveries\` (\`last_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_updated_at_idx\` ON \`mail_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`mail_deliveries_created_at_idx\` ON \`mail_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`status_nextAttemptAt_idx\` ON \`mail_deliveries\` (\`status\`,\`next_attempt_at\`);`)
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
  	\`members_id\` text(36),
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
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_logs_id\`) REFERENCES \`audit_logs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscribers_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mail_deliveries_id\`) REFERENCES \`mail_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mail_publications_id\`) REFERENCES \`mail_publications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "documents_id", "news_id", "topics_id", "announcements_id", "organizations_id", "subjects_id", "files_id", "media_id", "users_id", "members_id", "audit_logs_id", "subscribers_id", "mail_deliveries_id", "mail_publications_id") SELECT "id", "order", "parent_id", "path", "documents_id", "news_id", "topics_id", "announcements_id", "organizations_id", "subjects_id", "files_id", "media_id", "users_id", "members_id", "audit_logs_id", "subscribers_id", "mail_deliveries_id", "mail_publications_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_logs_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_logs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mail_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`mail_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mail_publications_id_idx\` ON \`payload_locked_documents_rels\` (\`mail_publications_id\`);`)
  await db.run(sql`DROP INDEX \`members_study_points_idx\`;`)
  await db.run(sql`DROP INDEX \`members_last_study_day_idx\`;`)
  await db.run(sql`DROP INDEX \`members_hide_from_ranking_idx\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`study_points\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`last_study_day\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`hide_from_ranking\`;`)
  await db.run(sql`ALTER TABLE \`announcements\` DROP COLUMN \`meeting_kind\`;`)
  await db.run(sql`ALTER TABLE \`announcements\` DROP COLUMN \`agenda\`;`)
  await db.run(sql`ALTER TABLE \`announcements\` DROP COLUMN \`minutes\`;`)
  await db.run(sql`ALTER TABLE \`_announcements_v\` DROP COLUMN \`version_meeting_kind\`;`)
  await db.run(sql`ALTER TABLE \`_announcements_v\` DROP COLUMN \`version_agenda\`;`)
  await db.run(sql`ALTER TABLE \`_announcements_v\` DROP COLUMN \`version_minutes\`;`)
  await db.run(sql`ALTER TABLE \`audit_logs\` DROP COLUMN \`detail\`;`)
}
