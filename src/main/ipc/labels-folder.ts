import path from 'node:path'
import { AppError } from '@shared/ipc/app-error'
import { resolveLabelPath } from '../services/labels/label-files'
import { writeCsvFile } from '../services/batches/batch-files'
import type { AppDeps } from './deps'

/** Opens a file of the labels folder with the OS (only files inside it); why not, if it cannot. */
export async function openInLabelsFolder(deps: Pick<AppDeps, 'app' | 'openPath'>, file: string): Promise<void> {
  const problem = await deps.openPath(await resolveLabelPath(deps.app.labelsDir, file))
  if (problem) throw new AppError('INTERNAL', `The file could not be opened: ${problem}`)
}

/** A report as a CSV in the labels folder, opened for the user: what the report screens' export buttons answer. */
export async function saveCsvAndOpen(deps: Pick<AppDeps, 'app' | 'openPath'>, file: string, headers: string[], rows: (string | number)[][]): Promise<{ opened: true; file: string }> {
  await writeCsvFile(path.join(deps.app.labelsDir, file), headers, rows)
  await openInLabelsFolder(deps, file)
  return { opened: true, file }
}
