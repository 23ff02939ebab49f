import { defineCollection } from 'astro:content'
import {
  documentsLoader,
  filesLoader,
  mediaLoader,
  newsLoader,
  organizationsLoader,
  subjectsLoader,
  topicsLoader,
} from './loaders/collections'

// One loader per CMS collection; each reads only published public content as an anonymous visitor.
export const collections = {
  documents: defineCollection({ loader: documentsLoader }),
  news: defineCollection({ loader: newsLoader }),
  topics: defineCollection({ loader: topicsLoader }),
  organizations: defineCollection({ loader: organizationsLoader }),
  subjects: defineCollection({ loader: subjectsLoader }),
  files: defineCollection({ loader: filesLoader }),
  media: defineCollection({ loader: mediaLoader }),
}
