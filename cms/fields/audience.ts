import type { CollectionBeforeValidateHook, Field } from 'payload'
import { AUDIENCES, type Audience } from '../../core/vocabulary'
import { fieldError } from '../lib/fieldError'
import type { EditorialDoc, EditorialSlug, OwnerField } from '../lib/records'
import { ownerOf } from '../lib/records'
import { relationId } from '../lib/relations'

/**
 * Who may read an item (core/vocabulary.ts AUDIENCES), and for "organization" which one: its
 * members and the members of the organizations below it read it (core/scopes.ts).
 */
export const audienceFields = (defaultValue: Audience = 'public'): Field[] => [
  {
    name: 'audience',
    label: 'Đối tượng đọc',
    type: 'select',
    required: true,
    defaultValue,
    index: true,
    options: [...AUDIENCES],
    admin: { position: 'sidebar' },
  },
  {
    name: 'audienceOrganization',
    label: 'Tổ chức được đọc',
    type: 'relationship',
    relationTo: 'organizations',
    index: true,
    admin: {
      position: 'sidebar',
      condition: (data) => data?.audience === 'organization',
      description: 'Đảng viên của tổ chức này và của các tổ chức trực thuộc được đọc. Để trống: tổ chức ban hành.',
    },
  },
]

/**
 * An item for one organization names it: the chosen one, or the owning organization (the issuer of a
 * document, the organization of an announcement) when none is chosen. Any other audience names none.
 */
export const completeAudience =
  (collection: EditorialSlug, ownerField: OwnerField): CollectionBeforeValidateHook<EditorialDoc> =>
  ({ data, originalDoc, req }) => {
    if (!data) return data
    const audience = data.audience ?? originalDoc?.audience
    if (audience !== 'organization') {
      if ('audienceOrganization' in data || relationId(originalDoc?.audienceOrganization)) data.audienceOrganization = null
      return data
    }
    const chosen = relationId(data.audienceOrganization ?? originalDoc?.audienceOrganization)
    const owner = ownerOf(data, ownerField) ?? (originalDoc ? ownerOf(originalDoc, ownerField) : undefined)
    if (!chosen && !owner) {
      throw fieldError(req, collection, 'audienceOrganization', 'Hãy chọn tổ chức được đọc khi đối tượng đọc là đảng viên của một tổ chức.')
    }
    data.audienceOrganization = chosen ?? owner
    return data
  }
