/**
 * Scoring a member's answers to a topic's multiple-choice questions. The CMS scores (the site only
 * shows the outcome), so a member cannot claim a score their answers do not earn.
 */
export interface ScoredQuestion {
  /** 1-based, as editors number the choices. */
  answer: number
}

export interface QuizScore {
  correct: number
  total: number
  /** 0–100, rounded; 0 for a topic without questions. */
  percent: number
  /** Per question: the member's choice (1-based, null when left blank) and whether it was right. */
  results: { chosen: number | null; correct: boolean }[]
}

export function scoreQuiz(questions: readonly ScoredQuestion[], answers: readonly (number | null | undefined)[]): QuizScore {
  const results = questions.map((q, i) => {
    const chosen = answers[i]
    const valid = typeof chosen === 'number' && Number.isInteger(chosen) && chosen >= 1 ? chosen : null
    return { chosen: valid, correct: valid !== null && valid === q.answer }
  })
  const correct = results.filter((r) => r.correct).length
  const total = questions.length
  return { correct, total, percent: total ? Math.round((correct / total) * 100) : 0, results }
}
