import type { CollectionConfig, CollectionSlug } from 'payload'
import { isPublisher } from '../access/isPublisher'
import { readContent } from '../access/readContent'
import { readVersions } from '../access/readVersions'
import { createContent, updateContent } from '../access/writeContent'
import { auditDeletion, auditPublication } from '../hooks/auditPublication'
import { rememberDraftFlag } from '../hooks/draftFlag'
import { enforceWorkflow } from '../hooks/enforceWorkflow'
import { rememberLiveStatus } from '../hooks/liveStatus'
import { isSyncedCollection, queueContentSync, queueContentSyncOnDelete } from '../publish/hooks/queueContentSync'
import { queueNotifications } from '../hooks/queueNotifications'
import { isNotifiable } from '../publish/mail/items'
import type { EditorialSlug, OwnerField } from '../lib/records'
import { completeAudience } from '../fields/audience'
import { syncUploadVisibility, syncUploadVisibilityOnDelete } from '../hooks/uploadVisibility'

/**
 * What every editorial collection shares: drafts with versions and scheduled publishing, the role
 * matrix, the publish workflow, the audit trail, upload visibility and (documents, news, topics) the
 * site and search sync. `ownerField` names the
 * relation to the organization a contributor must belong to.
 */
export function editorialCollection(config: CollectionConfig, options: { ownerField: OwnerField }): CollectionConfig {
  const slug = config.slug as CollectionSlug
  const hooks = config.hooks ?? {}
  const synced = isSyncedCollection(slug) ? slug : null
  return {
    ...config,
    access: {
      read: readContent(options.ownerField),
      create: createContent(options.ownerField),
      update: updateContent(options.ownerField),
      delete: isPublisher,
      readVersions: readVersions(options.ownerField),
      ...config.access,
    },
    versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
    hooks: {
      ...hooks,
      beforeValidate: [completeAudience(slug as EditorialSlug, options.ownerField), ...(hooks.beforeValidate ?? [])],
      beforeOperation: [rememberDraftFlag, ...(hooks.beforeOperation ?? [])],
      beforeChange: [rememberLiveStatus, enforceWorkflow, ...(hooks.beforeChange ?? [])],
      afterChange: [
        ...(hooks.afterChange ?? []),
        auditPublication,
        syncUploadVisibility(slug),
        ...(synced ? [queueContentSync(synced)] : []),
        ...(isNotifiable(slug) ? [queueNotifications(slug)] : []),
      ],
      afterDelete: [...(hooks.afterDelete ?? []), auditDeletion, syncUploadVisibilityOnDelete(slug), ...(synced ? [queueContentSyncOnDelete(synced)] : [])],
    },
  }
}
