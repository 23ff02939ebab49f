import { badInputAnswer } from './badInput'

type Handler = (request: Request) => Promise<Response>

/**
 * Payload's GraphQL route parses the body before its error handling starts, so broken JSON or a
 * broken multipart body escaped as an unhandled error (a 500). Those get their 4xx here.
 */
export const withBadInputAnswers =
  (handler: Handler): Handler =>
  async (request) => {
    try {
      return await handler(request)
    } catch (error) {
      const answer = badInputAnswer(error)
      if (!answer) throw error
      return Response.json({ errors: [{ message: answer.message }] }, { status: answer.status })
    }
  }
