import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { organizationChain } from '../../../access/organizationTree'
import { relationId } from '../../../lib/relations'
import type { StudyCampaign } from '../../../payload-types'

type ItemValue = NonNullable<StudyCampaign['items']>[number]

/**
 * A campaign may only ask members to study what every member in its scope can read: published, and
 * meant for the public, for all members, or for an organization at or above the campaign's. Otherwise
 * some members could never complete it.
 */
export const checkCampaignItems: CollectionBeforeChangeHook<StudyCampaign> = async ({ data, req, originalDoc }) => {
  const items = (data.items ?? originalDoc?.items ?? []) as ItemValue[]
  const org = relationId(data.organization ?? originalDoc?.organization)
  if (!org) return data
  const chain = await organizationChain(req, org)
  const problems: string[] = []
  for (const item of items) {
    const id = relationId(item.value)
    if (!id) continue
    const doc = await req.payload.findByID({ collection: item.relationTo, id, depth: 0, overrideAccess: true, disableErrors: true, req })
    const name = doc ? ('number' in doc && doc.number ? doc.number : doc.title) : `#${id}`
    if (doc?._status !== 'published') {
      problems.push(`“${name}” chưa xuất bản`)
      continue
    }
    if (doc.audience === 'organization' && !chain.includes(relationId(doc.audienceOrganization) ?? '')) {
      problems.push(`“${name}” chỉ dành cho một tổ chức khác`)
    }
  }
  if (problems.length > 0) {
    throw new APIError(`Không lưu được đợt học tập: ${problems.join('; ')}. Đảng viên trong phạm vi phải đọc được mọi nội dung phải học.`, 400, null, true)
  }
  return data
}
