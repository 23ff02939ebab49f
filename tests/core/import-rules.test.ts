/**
 * The parts import one way (docs/architecture.md, "Parts"):
 *
 *   core ← library ← site        core ← search ← site        cms → core, library, search
 *
 * Nothing imports cms/ or site/ but the entry points (scripts/, bench/) and tests; nothing imports
 * tests/ but tests. core, library, search and site know no Payload. Every import in the tree —
 * static, dynamic, type-only, re-exports, and those in .astro files — is checked, so a forbidden
 * arrow fails here before it can deepen into a tangle.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/site'

type Part = 'core' | 'library' | 'search' | 'cms' | 'site' | 'scripts' | 'bench' | 'tests'
const PARTS: readonly Part[] = ['core', 'library', 'search', 'cms', 'site', 'scripts', 'bench', 'tests']

/** Which parts each part may import (besides itself). */
const ALLOWED: Record<Part, readonly Part[]> = {
  core: [],
  library: ['core'],
  search: ['core'],
  cms: ['core', 'library', 'search'],
  site: ['core', 'library', 'search'],
  // Entry points: operator commands and benchmarks drive the whole system.
  scripts: ['core', 'library', 'search', 'cms', 'site'],
  bench: ['core', 'library', 'search', 'cms', 'site', 'scripts'],
  tests: PARTS,
}

/** Packages a part must not load: the CMS framework stays inside cms/ (and what drives it). */
const PAYLOAD = /^(payload|@payloadcms\/|next)(\/|$)/
const FORBIDDEN_PACKAGES: Partial<Record<Part, RegExp>> = { core: PAYLOAD, library: PAYLOAD, search: PAYLOAD, site: PAYLOAD }

const SOURCE = /\.(ts|tsx|mts|mjs|js|astro)$/
const SKIP = new Set(['node_modules', '.next', 'dist', 'out', '.astro', 'tmp', 'data', '.tools', 'fixtures'])

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...sourceFiles(full))
    else if (SOURCE.test(entry.name)) out.push(full)
  }
  return out
}

// import … from '…', export … from '…', import '…', import('…'), import type … from '…'
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g

/** The module specifiers a file imports (comments dropped, so prose that mentions a path is not an import). */
function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
  return [...code.matchAll(SPECIFIERS)].map((m) => m[2]!)
}

const partOf = (file: string): Part | null => {
  const top = path.relative(ROOT, file).split(path.sep)[0] as Part
  return PARTS.includes(top) ? top : null
}

interface Arrow {
  file: string
  specifier: string
  from: Part
  to: Part | string
}

function arrows(): Arrow[] {
  const found: Arrow[] = []
  for (const part of PARTS) {
    for (const file of sourceFiles(path.join(ROOT, part))) {
      for (const specifier of importsOf(fs.readFileSync(file, 'utf8'))) {
        if (specifier.startsWith('.')) {
          const to = partOf(path.resolve(path.dirname(file), specifier))
          if (to && to !== part) found.push({ file: path.relative(ROOT, file), specifier, from: part, to })
        } else if (specifier === '@payload-config') {
          if (part !== 'cms') found.push({ file: path.relative(ROOT, file), specifier, from: part, to: 'cms' })
        } else {
          found.push({ file: path.relative(ROOT, file), specifier, from: part, to: `package:${specifier}` })
        }
      }
    }
  }
  return found
}

describe('import rules', () => {
  const all = arrows()

  it('finds the imports it checks (the scan itself works)', () => {
    // A broken scan would pass every rule below: these arrows exist on purpose.
    expect(all.some((a) => a.from === 'site' && a.to === 'library')).toBe(true)
    expect(all.some((a) => a.from === 'cms' && a.to === 'core')).toBe(true)
    expect(all.some((a) => a.from === 'cms' && a.to === 'package:payload')).toBe(true)
    expect(all.some((a) => a.file.endsWith('.astro') && a.to === 'core')).toBe(true)
    expect(importsOf("// import x from '../cms/env'\nconst a = await import('../site/x')\nexport { b } from \"../core/y\"")).toEqual(['../site/x', '../core/y'])
  })

  it.each(PARTS)('%s imports only the parts it may', (part) => {
    const forbidden = all.filter((a) => a.from === part && !a.to.startsWith('package:') && !ALLOWED[part].includes(a.to as Part))
    expect(forbidden.map((a) => `${a.file}: ${a.specifier} (${a.from} → ${a.to})`)).toEqual([])
  })

  it.each(Object.keys(FORBIDDEN_PACKAGES) as Part[])('%s loads no Payload or Next', (part) => {
    const forbidden = all.filter((a) => a.from === part && a.to.startsWith('package:') && FORBIDDEN_PACKAGES[part]!.test(a.to.slice('package:'.length)))
    expect(forbidden.map((a) => `${a.file}: ${a.specifier}`)).toEqual([])
  })
})
