import { readdirSync } from 'node:fs'
import path from 'node:path'

/**
 * Zones for import-x/no-restricted-paths that keep renderer features apart: each folder under
 * features/ may import only itself, and components/ and state/ may import no feature at all.
 * Read from disk, so a new feature folder is covered the moment it exists.
 */
export function featureBoundaryZones(rendererRoot, cwd = process.cwd()) {
  const featuresDir = path.join(rendererRoot, 'features')
  const features = readdirSync(path.join(cwd, featuresDir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
  const rel = (p) => `./${p.split(path.sep).join('/')}`
  return [
    ...features.map((name) => ({
      target: rel(path.join(featuresDir, name)),
      from: rel(featuresDir),
      except: [`./${name}`],
      message: `features/${name} must not import another feature: move shared state to state/, shared UI to components/, or use an intent (state/useIntentsStore).`
    })),
    {
      target: [rel(path.join(rendererRoot, 'components')), rel(path.join(rendererRoot, 'state')), rel(path.join(rendererRoot, 'lib'))],
      from: rel(featuresDir),
      message: 'components/, state/ and lib/ are shared by every feature: they must not import a feature.'
    }
  ]
}
