import type { Choices } from '../../../core/subscriptions/request'
import type { MailItem } from '../../publish/mail/items'

/**
 * Whether a subscriber's choices cover an item. Within one facet any choice matches (OR); across
 * facets all must (AND); an empty facet means "any". Topics and news are followed as a whole.
 */
export function matches(choices: Choices, item: MailItem): boolean {
  switch (item.ref.collection) {
    case 'topics':
      return choices.topics
    case 'news':
      return choices.news
    case 'documents':
      return (
        choices.documents &&
        (choices.documentTypes.length === 0 || (item.type !== null && choices.documentTypes.includes(item.type))) &&
        (choices.subjects.length === 0 || item.subjectIds.some((s) => choices.subjects.includes(s))) &&
        (choices.issuers.length === 0 || (item.issuerId !== null && choices.issuers.includes(item.issuerId)))
      )
  }
}
