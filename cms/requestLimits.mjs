// Request body limits of the CMS server, shared by the Next config (which must let the proxy see a
// body that large) and cms/proxy.ts (which refuses larger ones). Plain JavaScript: next.config.mjs
// loads it before any TypeScript does. The values mirror UPLOAD_MAX_MB and IMAGE_MAX_MB (cms/env.ts).

const MB = 1024 * 1024

/** @param {string} name @param {number} fallback */
const positive = (name, fallback) => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

/** Upload limits in MB: attachments (files) and images (media). */
export const uploadLimitsMb = () => ({ files: positive('UPLOAD_MAX_MB', 30), media: positive('IMAGE_MAX_MB', 10) })

/** The largest upload request: the larger upload limit plus 1 MB for the form's other parts. */
export const uploadBodyLimit = () => {
  const { files, media } = uploadLimitsMb()
  return Math.ceil((Math.max(files, media) + 1) * MB)
}

/** Every other request (REST JSON, GraphQL, the admin's server actions): far above the longest resolution. */
export const JSON_BODY_LIMIT = 4 * MB
