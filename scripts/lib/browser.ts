import type { LaunchOptions } from 'playwright-core'

/** Debian's chromium, headless, with nothing phoning home during tests. */
export const launchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
}
