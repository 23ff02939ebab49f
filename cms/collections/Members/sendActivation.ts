import type { Payload, PayloadRequest } from 'payload'
import { activationMail, ACTIVATION_LINK_DAYS } from '../../email/templates/members'
import type { Member } from '../../payload-types'
import { newActivationLink } from './credentials'

/**
 * Mails a member who has an e-mail address a fresh activation link (the previous one stops working).
 * False when the member has no address or is locked. Used by the admin's endpoint and the CSV import.
 */
export async function sendActivationMail(payload: Payload, member: Member, req?: PayloadRequest): Promise<boolean> {
  if (!member.email || member.status === 'disabled') return false
  const { token, fields } = newActivationLink(payload, String(member.id), ACTIVATION_LINK_DAYS)
  await payload.update({ collection: 'members', id: member.id, data: fields, overrideAccess: true, req })
  const organization =
    typeof member.organization === 'object' && member.organization
      ? member.organization.name
      : ((await payload.findByID({ collection: 'organizations', id: String(member.organization), depth: 0, disableErrors: true, req }))?.name ?? '')
  const mail = activationMail({ name: member.name, organizationName: organization }, token)
  await payload.sendEmail({ to: member.email, subject: mail.subject, html: mail.html, text: mail.text })
  return true
}
