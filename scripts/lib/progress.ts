/** A one-line progress bar on a terminal; a line every 10 % when output goes to a log. */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY
  let lastDecile = -1
  return {
    update: (done: number, total: number) => {
      const ratio = total ? done / total : 1
      if (tty) {
        const width = 30
        const filled = Math.round(ratio * width)
        process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`)
      } else if (Math.floor(ratio * 10) > lastDecile) {
        lastDecile = Math.floor(ratio * 10)
        process.stderr.write(`${label}: ${done}/${total}\n`)
      }
    },
    done: () => {
      if (tty) process.stderr.write('\n')
    },
  }
}
