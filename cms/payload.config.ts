import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { vi } from '@payloadcms/translations/languages/vi'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { Announcements } from './collections/Announcements'
import { AuditLogs } from './collections/AuditLogs'
import { Documents } from './collections/Documents'
import { Files } from './collections/Files'
import { MailDeliveries } from './collections/MailDeliveries'
import { MailPublications } from './collections/MailPublications'
import { Members } from './collections/Members'
import { MeetingResponses } from './collections/MeetingResponses'
import { QuestionFiles, Questions } from './collections/Questions'
import { Media } from './collections/Media'
import { News } from './collections/News'
import { RequestCounts } from './collections/RequestCounts'
import { Organizations } from './collections/Organizations'
import { PointAwards } from './collections/PointAwards'
import { StudyCampaigns } from './collections/StudyCampaigns'
import { StudyEvents } from './collections/StudyEvents'
import { StudyStats } from './collections/StudyStats'
import { Subjects } from './collections/Subjects'
import { Subscribers } from './collections/Subscribers'
import { Topics } from './collections/Topics'
import { Users } from './collections/Users'
import { databaseAdapter } from './database'
import { emailAdapter } from './email/adapter'
import { health } from './endpoints/health'
import { importOriginals } from './endpoints/importOriginals'
import { completeAccessQuery } from './graphql/completeAccessQuery'
import { explainErrors } from './hooks/explainErrors'
import { withInputChecks } from './hooks/refuseWrongTypes'
import { env } from '../core/env/cms'
import { jobsConfig } from './jobs'
import { startJobRunner } from './jobs/runner'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const config = env()

export default buildConfig({
  serverURL: config.SERVER_URL,
  secret: config.PAYLOAD_SECRET,
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname, importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js') },
    meta: { titleSuffix: ' — Sổ tay đảng viên', description: 'Trang quản trị nội dung Sổ tay đảng viên điện tử' },
    dateFormat: 'dd/MM/yyyy HH:mm',
    components: {
      afterNavLinks: ['/admin/ImportOriginalsLink#ImportOriginalsLink', '/admin/StudyStatisticsLink#StudyStatisticsLink'],
      afterDashboard: ['/admin/ImportOriginalsLink#ImportOriginalsCard'],
      views: {
        importOriginals: { Component: '/admin/ImportOriginals#ImportOriginalsView', path: '/nhap-ban-goc' },
        studyStatistics: { Component: '/admin/StudyStatistics#StudyStatisticsView', path: '/thong-ke-hoc-tap' },
      },
    },
  },
  i18n: { supportedLanguages: { vi }, fallbackLanguage: 'vi' },
  collections: [
    Documents,
    News,
    Topics,
    Announcements,
    Organizations,
    Subjects,
    Files,
    Media,
    Users,
    Members,
    MeetingResponses,
    Questions,
    QuestionFiles,
    AuditLogs,
    Subscribers,
    MailDeliveries,
    MailPublications,
    RequestCounts,
    StudyCampaigns,
    StudyEvents,
    PointAwards,
    StudyStats,
  ].map(withInputChecks),
  hooks: { afterError: [explainErrors] },
  graphQL: { queries: completeAccessQuery },
  editor: lexicalEditor(),
  db: databaseAdapter(config),
  email: emailAdapter(config),
  sharp,
  jobs: jobsConfig(),
  onInit: async (payload) => {
    // Only the CMS server (Next sets NEXT_RUNTIME) runs the queue in-process; operator scripts and
    // the site build, which load Payload too, never do. cms/instrumentation.ts inits Payload at start.
    if (config.JOBS_IN_PROCESS && process.env.NEXT_RUNTIME === 'nodejs') startJobRunner(payload)
  },
  endpoints: [health, importOriginals],
  cors: [config.SERVER_URL, config.SITE_URL],
  csrf: [config.SERVER_URL, config.SITE_URL],
  upload: {
    // The per-collection hooks (collections/uploadLimits) give the precise refusal. This outer limit
    // sits above them, so even a stream cut off here arrives larger than any collection accepts and
    // is refused whole by those hooks — a truncated file is never stored.
    limits: { fileSize: (Math.max(config.UPLOAD_MAX_MB, config.IMAGE_MAX_MB) + 1) * 1024 * 1024 },
    abortOnLimit: true,
    responseOnLimit: `Tệp vượt giới hạn ${config.UPLOAD_MAX_MB} MB nên không được nhận. Hãy nén hoặc tách tệp rồi tải lên lại.`,
  },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  telemetry: false,
})
