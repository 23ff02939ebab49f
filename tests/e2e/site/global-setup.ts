/**
 * Builds the site once per test run (seed → astro build → server) and provides it to every file
 * under tests/e2e/site/ via inject('site'). Runs only when site tests are selected (the "site" project
 * in vitest.config.ts).
 */
import type { TestProject } from 'vitest/node'
import { buildSiteFixture } from '../../helpers/site'

export default async function setup(project: TestProject) {
  const started = Date.now()
  const { fixture, stop } = await buildSiteFixture()
  console.log(`› Site fixture ready in ${((Date.now() - started) / 1000).toFixed(1)} s (build ${fixture.buildSeconds.toFixed(1)} s) at ${fixture.url}`)
  project.provide('site', fixture)
  return stop
}
